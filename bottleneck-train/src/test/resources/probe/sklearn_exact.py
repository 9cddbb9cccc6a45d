"""Exact reference for splice-cbm's probe solver: scikit-learn's LogisticRegression (multinomial, saga).

Usage: python3 sklearn_exact.py DIR SPEC.json
DIR holds train.npz / test.npz (scipy.sparse.save_npz CSR) and train_labels.npy / test_labels.npy.
SPEC: {"l1": [...per-example penalties, in path order], "l2": 0, "balanced": false, "intercept": true,
       "tol": 1e-10, "max_iter": 100000, "warm_start": false}
Each penalty is fitted with C = 1 / ((l1 + l2) * n) and l1_ratio = l1 / (l1 + l2) (penalty "l1" when l2 = 0,
"elasticnet" otherwise); with warm_start the estimator is reused along the list, as a path.
Prints one JSON line: per penalty coef (classes x concepts, row-major), intercept, the objective divided by C n
(sum_i cw_i CE_i / n + l1 |W|_1 + l2/2 |W|^2), test accuracy, nonzeros, n_iter, fit seconds; and total seconds.
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import scipy.sparse
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.utils.class_weight import compute_class_weight

folder, spec = sys.argv[1], json.load(open(sys.argv[2]))


def split(name):
    x = scipy.sparse.load_npz(os.path.join(folder, name + ".npz")).astype(np.float64)
    return x.tocsr(), np.load(os.path.join(folder, name + "_labels.npy"))


x_train, y_train = split("train")
x_test, y_test = split("test")
n = x_train.shape[0]
l2 = float(spec.get("l2", 0.0))
classes = np.unique(y_train)
cw = compute_class_weight("balanced", classes=classes, y=y_train) if spec.get("balanced") else np.ones(len(classes))
row_weight = cw[np.searchsorted(classes, y_train)] / n
model = None
results = []
total = 0.0
total_cpu = 0.0
for l1 in spec["l1"]:
    alpha = l1 + l2
    kwargs = dict(solver="saga", C=1.0 / (alpha * n), max_iter=int(spec.get("max_iter", 100000)),
                  tol=float(spec.get("tol", 1e-10)), fit_intercept=bool(spec.get("intercept", True)),
                  class_weight="balanced" if spec.get("balanced") else None, random_state=0,
                  warm_start=bool(spec.get("warm_start", False)))
    if l2 == 0:
        kwargs["penalty"] = "l1"
    else:
        kwargs.update(penalty="elasticnet", l1_ratio=l1 / alpha)
    if model is None or not spec.get("warm_start"):
        model = LogisticRegression(**kwargs)
    else:
        model.set_params(**kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start, cpu_start = time.perf_counter(), time.process_time()
        model.fit(x_train, y_train)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    total += seconds
    total_cpu += cpu_seconds
    z = np.asarray(x_train @ model.coef_.T) + model.intercept_
    z_max = z.max(axis=1, keepdims=True)
    lse = (z_max + np.log(np.exp(z - z_max).sum(axis=1, keepdims=True))).ravel()
    ce = lse - z[np.arange(n), np.searchsorted(classes, y_train)]
    objective = float(np.dot(row_weight, ce) + l1 * np.abs(model.coef_).sum() + 0.5 * l2 * (model.coef_ ** 2).sum())
    results.append({
        "l1": l1,
        "coef": model.coef_.ravel().tolist(),
        "intercept": model.intercept_.tolist(),
        "objective": objective,
        "test_accuracy": float(model.score(x_test, y_test)),
        "nonzeros": int(np.count_nonzero(model.coef_)),
        "n_iter": int(np.max(model.n_iter_)),
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
    })
print(json.dumps({"fits": results, "seconds": total, "cpu_seconds": total_cpu}))
