#!/usr/bin/env bash
# `splice solve` as a whole process (JVM start, .npy read, Gram matrix, solve, .npz write) against SpLiCE's
# default solver, scikit-learn Lasso(alpha=l1/(2d), positive=True) per image, timed in the same run.
# Usage (from the worktree root, after test-compile + dependency:build-classpath, see benchmarks/solver.md):
#   splice-features/src/test/java/org/splicecbm/bench/solve_vs_sklearn.sh [rows=16384] [sklearn_rows=256] [l1=0.25]
set -euo pipefail
ROWS=${1:-16384}; SK_ROWS=${2:-256}; L1=${3:-0.25}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
CP=bottleneck-train/target/classes:splice-features/target/classes:$(cat bottleneck-train/cp.txt)
/usr/bin/python3 - "$WORK" "$ROWS" <<'PY'
import sys, numpy as np
work, n = sys.argv[1], int(sys.argv[2]); c, d = 10_000, 512
rng = np.random.default_rng(42)
# CLIP-like: shared direction + rank-16 topics + noise, then SpLiCE's centring (normalise, subtract mean, normalise)
raw = 1.5 * rng.normal(size=d) + rng.normal(size=(c, 16)) * 0.35 @ rng.normal(size=(16, d)) + rng.normal(size=(c, d)) * 0.6
raw /= np.linalg.norm(raw, axis=1, keepdims=True); raw -= raw.mean(axis=0)
C = (raw / np.linalg.norm(raw, axis=1, keepdims=True)).astype(np.float32)
idx = rng.integers(0, c, size=(n, 10)); a = rng.uniform(0.5, 1.5, size=(n, 10))
Z = np.einsum('nk,nkd->nd', a, C[idx].astype(np.float64))
noise = rng.normal(size=(n, d)); noise /= np.linalg.norm(noise, axis=1, keepdims=True)
Z += noise * np.linalg.norm(Z, axis=1, keepdims=True)
Z = (Z / np.linalg.norm(Z, axis=1, keepdims=True)).astype(np.float32)
np.save(f"{work}/C.npy", C); np.save(f"{work}/Z.npy", Z)
PY
echo "data: c=10000 d=512 rows=$ROWS l1=$L1 (load: $(cut -d' ' -f1-3 /proc/loadavg))"
/usr/bin/time -f "splice solve: %e s wall, %U s user + %S s sys CPU, max RSS %M KB" \
  env OPT_OUT_TRACKING=true SPLICE_NO_PROGRESS=1 java --add-modules=jdk.incubator.vector -cp "$CP" -Dai.djl.offline=true org.splicecbm.cli.SpliceCli \
  solve --dictionary "$WORK/C.npy" --targets "$WORK/Z.npy" --l1 "$L1" --threads 2 --out "$WORK/W.npz" 2> "$WORK/time.txt" \
  | grep -v "WARN\|INFO" || true
grep "splice solve:" "$WORK/time.txt" | tee "$WORK/splice.txt"
/usr/bin/python3 - "$WORK" "$ROWS" "$SK_ROWS" "$L1" <<'PY'
import sys, time, resource, numpy as np, scipy.sparse as sp
from sklearn.linear_model import Lasso
work, n, m, l1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
line = open(f"{work}/splice.txt").read().split()
wall, cpu = float(line[2]), float(line[5]) + float(line[9])
C = np.load(f"{work}/C.npy").astype(np.float64); Z = np.load(f"{work}/Z.npy").astype(np.float64); d = C.shape[1]
t0 = time.perf_counter(); c0 = time.process_time(); objs = []
for z in Z[:m]:
    model = Lasso(alpha=l1 / (2 * d), positive=True, fit_intercept=False)  # SpLiCE's settings (default tol)
    model.fit(C.T, z); w = model.coef_
    objs.append(np.sum((C.T @ w - z) ** 2) + l1 * w.sum())
sk_wall, sk_cpu = time.perf_counter() - t0, time.process_time() - c0
W = sp.load_npz(f"{work}/W.npz")[:m].toarray().astype(np.float64)
ours = np.sum((W @ C - Z[:m]) ** 2, axis=1) + l1 * W.sum(axis=1)
print(f"splice solve   : {n / wall:8.1f} images/s wall, {n / (cpu / 2):8.1f} images/s from CPU time on 2 cores ({n} rows, JVM start included)")
print(f"sklearn Lasso  : {m / sk_wall:8.1f} images/s wall, {m / sk_cpu:8.1f} images/s from CPU time ({m} rows, same data)")
print(f"speed-up       : {(n / wall) / (m / sk_wall):.0f}x wall, {(n / cpu) / (m / sk_cpu):.0f}x per CPU second")
print(f"objective, first {m} rows: splice-cbm / sklearn - 1 = mean {np.mean(ours / np.array(objs) - 1):.2e}, max {np.max(ours / np.array(objs) - 1):.2e} (negative: ours lower)")
PY
