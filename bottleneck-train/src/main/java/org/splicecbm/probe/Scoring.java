package org.splicecbm.probe;

/** Forward passes of the linear softmax model over a whole split, one sparse row at a time. */
final class Scoring {
    private Scoring() {}

    /** {mean class-weighted cross-entropy, accuracy} of {@code weights} on {@code data}. */
    static double[] lossAndAccuracy(LinearWeights weights, TrainingData data, float[] classWeights, boolean[] ignored) {
        float[] scores = new float[weights.classes()];
        double loss = 0;
        int correct = 0;
        for (int row = 0; row < data.size(); row++) {
            int label = data.labels()[row];
            weights.logits(data.features(), row, ignored, scores);
            LinearWeights.softmaxInPlace(scores);
            loss += -classWeights[label] * Math.log(Math.max(scores[label], 1e-30f));
            correct += argmax(scores) == label ? 1 : 0;
        }
        return new double[] {loss / data.size(), (double) correct / data.size()};
    }

    /** Index of the largest value; the first on ties. */
    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
