"""Reference for the splice-cbm probe: scikit-learn's L1 logistic regression (multinomial, SAGA).

Usage: python3 sklearn_saga.py DIR L1 [MAX_ITER] [TOL]
DIR holds train.npz / test.npz (scipy.sparse.save_npz CSR layout, as splice-cbm's feature sets) and
train_labels.npy / test_labels.npy.
L1 is the per-example-mean penalty of the Java probe; scikit-learn's C is 1 / (L1 * n_train).
Prints one JSON line: test accuracy, fit seconds (wall and CPU), iterations (epochs), seconds per epoch, nonzero weights.
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

folder, l1 = sys.argv[1], float(sys.argv[2])
max_iter = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
tol = float(sys.argv[4]) if len(sys.argv) > 4 else 1e-4


def split(name):
    x = scipy.sparse.load_npz(os.path.join(folder, name + ".npz")).astype(np.float64)
    return x, np.load(os.path.join(folder, name + "_labels.npy"))


x_train, y_train = split("train")
x_test, y_test = split("test")
n = x_train.shape[0]
model = LogisticRegression(penalty="l1", solver="saga", C=1.0 / (l1 * n), max_iter=max_iter, tol=tol, random_state=0)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    start, cpu_start = time.perf_counter(), time.process_time()
    model.fit(x_train, y_train)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
iterations = int(np.max(model.n_iter_))
print(json.dumps({
    "test_accuracy": float(model.score(x_test, y_test)),
    "train_accuracy": float(model.score(x_train, y_train)),
    "seconds": seconds,
    "cpu_seconds": cpu_seconds,
    "iterations": iterations,
    "seconds_per_epoch": seconds / max(iterations, 1),
    "nonzeros": int(np.count_nonzero(model.coef_)),
    "effective_concepts": int(np.count_nonzero(np.any(model.coef_ != 0, axis=0))),
    "C": 1.0 / (l1 * n),
}))
