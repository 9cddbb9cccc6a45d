"""Generates sklearn_lasso_fixture.json: a small CLIP-like nonnegative lasso problem solved by
scikit-learn exactly as SpLiCE's reference does (Lasso(alpha=l1/(2d), positive=True,
fit_intercept=False)), with a tight tolerance. Run once with /usr/bin/python3 (python3-sklearn)."""
import json
import numpy as np
import sklearn
from sklearn.linear_model import Lasso

rng = np.random.default_rng(7)
c, d, n = 200, 48, 6
common = rng.normal(size=d)
topics = rng.normal(size=(8, d))
raw = 1.5 * common + rng.normal(size=(c, 8)) @ topics * 0.35 + rng.normal(size=(c, d)) * 0.6
raw /= np.linalg.norm(raw, axis=1, keepdims=True)
raw -= raw.mean(axis=0)
C = (raw / np.linalg.norm(raw, axis=1, keepdims=True)).astype(np.float32)
Z = []
for i in range(n):
    idx = rng.choice(c, size=5, replace=False)
    v = rng.uniform(0.5, 1.5, size=5) @ C[idx].astype(np.float64)
    v += rng.normal(size=d) * np.linalg.norm(v) / np.sqrt(d)
    Z.append(v / np.linalg.norm(v))
Z = np.array(Z, dtype=np.float32)
cases = []
for l1 in (0.25, 0.05):
    coefs, objectives = [], []
    for z in Z.astype(np.float64):
        model = Lasso(alpha=l1 / (2 * d), positive=True, fit_intercept=False, max_iter=1_000_000, tol=1e-12)
        model.fit(C.astype(np.float64).T, z)
        w = model.coef_
        coefs.append(w.tolist())
        objectives.append(float(np.sum((C.astype(np.float64).T @ w - z) ** 2) + l1 * np.sum(w)))
    cases.append({"l1": l1, "weights": coefs, "objective": objectives})
def shortest(m):
    # float32 values in their shortest round-trip form: Java's Float.parseFloat gives the same bits
    return [[float(repr(np.float32(x))) for x in row] for row in m]

json.dump({"sklearn_version": sklearn.__version__, "dictionary": shortest(C), "targets": shortest(Z), "cases": cases},
          open("sklearn_lasso_fixture.json", "w"))
