package org.splicecbm.probe;

import org.splicecbm.store.CsrMatrix;

/**
 * The default training loop: gradients of the linear softmax model computed straight from the CSR
 * rows in plain Java. A row with {@code s} nonzeros costs {@code O(s * classes)} for its logits and
 * its weight gradient, so a minibatch never needs a dense copy; only the optimiser step (Adam
 * moments, L2, the proximal L1 threshold) touches every weight. Single-threaded and in a fixed
 * order, hence bit-for-bit deterministic.
 */
final class SparseSoftmaxEngine implements TrainingEngine {
    private final TrainingProblem problem;
    private final LinearWeights model;
    private final ProximalUpdater updater;
    private final float[] weightGrad;
    private final float[] biasGrad;
    private final float[] scores;
    private final boolean[] touched;
    private final int[] touchedColumns;

    SparseSoftmaxEngine(TrainingProblem problem) {
        this.problem = problem;
        this.model = LinearWeights.zeros(problem.concepts(), problem.classes());
        this.updater = new ProximalUpdater(problem.config(), model.weights.length, problem.classes());
        this.weightGrad = new float[model.weights.length];
        this.biasGrad = new float[problem.classes()];
        this.scores = new float[problem.classes()];
        this.touched = new boolean[problem.concepts()];
        this.touchedColumns = new int[problem.concepts()];
    }

    @Override
    public double runEpoch(int[] order) {
        double lossSum = 0;
        int batch = problem.config().batchSize();
        for (int start = 0; start < order.length; start += batch) {
            lossSum += step(order, start, Math.min(order.length, start + batch));
        }
        return lossSum / order.length;
    }

    @Override
    public LinearWeights snapshot() {
        return model.copy();
    }

    /** One minibatch: accumulate the mean-loss gradient over rows {@code order[start..end)}, then update. */
    private double step(int[] order, int start, int end) {
        CsrMatrix x = problem.features();
        int classes = problem.classes();
        float inverseBatch = 1f / (end - start);
        java.util.Arrays.fill(biasGrad, 0f);
        int touchedCount = 0;
        double loss = 0;
        for (int i = start; i < end; i++) {
            int row = order[i];
            int label = problem.labels()[row];
            float classWeight = problem.classWeights()[label];
            model.logits(x, row, problem.suppressed(), scores);
            LinearWeights.softmaxInPlace(scores);
            loss += -classWeight * Math.log(Math.max(scores[label], 1e-30f));
            for (int c = 0; c < classes; c++) {
                scores[c] = (scores[c] - (c == label ? 1f : 0f)) * classWeight * inverseBatch;
                biasGrad[c] += scores[c];
            }
            touchedCount = accumulateWeightGrad(x, row, touchedCount);
        }
        updater.step(model.weights, weightGrad, model.bias, biasGrad);
        for (int t = 0; t < touchedCount; t++) {
            int col = touchedColumns[t];
            touched[col] = false;
            java.util.Arrays.fill(weightGrad, col * classes, (col + 1) * classes, 0f);
        }
        return loss;
    }

    /** Adds {@code x_row (outer) scores} into the weight gradient; returns the new count of touched columns. */
    private int accumulateWeightGrad(CsrMatrix x, int row, int touchedCount) {
        int classes = problem.classes();
        boolean[] suppressed = problem.suppressed();
        for (long k = x.indptr()[row], end = x.indptr()[row + 1]; k < end; k++) {
            int col = x.indices()[(int) k];
            if (suppressed[col]) {
                continue;
            }
            if (!touched[col]) {
                touched[col] = true;
                touchedColumns[touchedCount++] = col;
            }
            float value = x.data()[(int) k];
            int base = col * classes;
            for (int c = 0; c < classes; c++) {
                weightGrad[base + c] += value * scores[c];
            }
        }
        return touchedCount;
    }
}
