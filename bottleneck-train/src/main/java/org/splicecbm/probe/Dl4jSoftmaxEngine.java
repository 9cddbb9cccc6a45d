package org.splicecbm.probe;

import java.nio.FloatBuffer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.splicecbm.store.CsrMatrix;

/**
 * Trains the {@link ProbeNetwork} with DL4J's own {@code fit}: each minibatch is densified into a
 * reused off-heap buffer (only the previous batch's nonzeros are cleared, so the full data set is
 * never dense), then the proximal L1 step of {@link ProximalUpdater} is applied to the network's
 * flattened parameters, using DL4J's Adam second moments for the per-coordinate threshold.
 */
final class Dl4jSoftmaxEngine implements TrainingEngine {
    private final TrainingProblem problem;
    private final MultiLayerNetwork network;
    private final MinibatchBuffer full;
    private final MinibatchBuffer last;

    Dl4jSoftmaxEngine(TrainingProblem problem) {
        this.problem = problem;
        Nd4j.getRandom().setSeed(problem.config().seed());
        this.network = ProbeNetwork.create(problem.concepts(), problem.classes(), problem.classWeights(), problem.config());
        int batch = Math.min(problem.config().batchSize(), problem.rows());
        int remainder = problem.rows() % batch;
        this.full = new MinibatchBuffer(batch, problem.concepts(), problem.classes());
        this.last = remainder == 0 ? null : new MinibatchBuffer(remainder, problem.concepts(), problem.classes());
    }

    @Override
    public double runEpoch(int[] order) {
        double lossSum = 0;
        int batch = full.rows;
        for (int start = 0; start < order.length; start += batch) {
            int end = Math.min(order.length, start + batch);
            MinibatchBuffer buffer = end - start == batch ? full : last;
            buffer.fill(problem, order, start);
            network.fit(buffer.features, buffer.labels);
            lossSum += network.score() * (end - start);
            proximalStep();
        }
        return lossSum / order.length;
    }

    @Override
    public LinearWeights snapshot() {
        return ProbeNetwork.readWeights(network, problem.concepts(), problem.classes());
    }

    /** Soft-thresholds the weights (the first concepts x classes entries of the flat parameters, never the bias). */
    private void proximalStep() {
        ProbeConfig config = problem.config();
        if (config.l1() == 0) {
            return;
        }
        int weightCount = problem.concepts() * problem.classes();
        FloatBuffer params = network.params().data().asNioFloat();
        if (config.updater() == ProbeConfig.Updater.SGD) {
            float threshold = (float) (config.learningRate() * config.l1());
            for (int i = 0; i < weightCount; i++) {
                params.put(i, ProximalUpdater.softThreshold(params.get(i), threshold));
            }
            return;
        }
        INDArray state = network.getUpdater().getStateViewArray();
        long paramCount = network.numParams();
        if (state.length() != 2 * paramCount) {
            throw new IllegalStateException("expected DL4J's Adam state to hold m and v for " + paramCount
                    + " parameters, found " + state.length() + " values");
        }
        FloatBuffer moments = state.data().asNioFloat();
        long t = network.getIterationCount();
        float scale = (float) (config.l1() * config.learningRate() * Math.sqrt(1 - Math.pow(ProximalUpdater.BETA2, t)));
        for (int i = 0; i < weightCount; i++) {
            float v = moments.get((int) paramCount + i);
            float threshold = scale / ((float) Math.sqrt(v) + (float) ProximalUpdater.EPSILON);
            params.put(i, ProximalUpdater.softThreshold(params.get(i), threshold));
        }
    }

    /** A dense minibatch in off-heap memory, refilled in place from CSR rows. */
    private static final class MinibatchBuffer {
        final int rows;
        final INDArray features;
        final INDArray labels;
        private final int cols;
        private final int classes;
        private int[] written = new int[0];
        private int writtenCount;

        MinibatchBuffer(int rows, int cols, int classes) {
            this.rows = rows;
            this.cols = cols;
            this.classes = classes;
            this.features = Nd4j.create(DataType.FLOAT, rows, cols);
            this.labels = Nd4j.create(DataType.FLOAT, rows, classes);
        }

        void fill(TrainingProblem problem, int[] order, int start) {
            FloatBuffer x = features.data().asNioFloat();
            FloatBuffer y = labels.data().asNioFloat();
            for (int i = 0; i < writtenCount; i++) {
                x.put(written[i], 0f);
            }
            writtenCount = 0;
            for (int i = 0; i < rows * classes; i++) {
                y.put(i, 0f);
            }
            CsrMatrix csr = problem.features();
            for (int r = 0; r < rows; r++) {
                int row = order[start + r];
                y.put(r * classes + problem.labels()[row], 1f);
                for (long k = csr.indptr()[row]; k < csr.indptr()[row + 1]; k++) {
                    int col = csr.indices()[(int) k];
                    if (!problem.suppressed()[col]) {
                        remember(r * cols + col);
                        x.put(r * cols + col, csr.data()[(int) k]);
                    }
                }
            }
        }

        private void remember(int offset) {
            if (writtenCount == written.length) {
                written = java.util.Arrays.copyOf(written, Math.max(1024, written.length * 2));
            }
            written[writtenCount++] = offset;
        }
    }
}
