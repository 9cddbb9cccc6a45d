"""Reference for the splice-cbm probe: scikit-learn's L1 logistic regression (multinomial, SAGA).

Usage: python3 sklearn_saga.py TRAIN.svm TEST.svm N_FEATURES L1 [MAX_ITER] [TOL]
L1 is the per-example-mean penalty of the Java probe; scikit-learn's C is 1 / (L1 * n_train).
Prints one JSON line: test accuracy, fit seconds (wall and CPU), iterations (epochs), seconds per epoch, nonzero weights.
"""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.datasets import load_svmlight_file
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

train_file, test_file, n_features, l1 = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
max_iter = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
tol = float(sys.argv[6]) if len(sys.argv) > 6 else 1e-4
x_train, y_train = load_svmlight_file(train_file, n_features=n_features, zero_based=True, dtype=np.float64)
x_test, y_test = load_svmlight_file(test_file, n_features=n_features, zero_based=True, dtype=np.float64)
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
