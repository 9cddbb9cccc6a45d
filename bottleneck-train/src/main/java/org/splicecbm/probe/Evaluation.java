package org.splicecbm.probe;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-time quality and interpretability of a probe on one split: accuracy, balanced accuracy
 * (mean per-class recall), per-class accuracy, macro F1, the confusion matrix (rows = true class,
 * columns = predicted), accuracy per group and the worst of them (for Waterbirds / CelebA style
 * group labels; NaN without groups), and the sparsity of the weights (nonzeros per class; effective
 * concepts = concepts with any nonzero weight, the SpLiCE paper's measure of probe size).
 */
public record Evaluation(double accuracy, double balancedAccuracy, double[] perClassAccuracy, double macroF1,
                         long[][] confusion, Map<Integer, Double> groupAccuracy, double worstGroupAccuracy,
                         int[] nonzerosPerClass, int effectiveConcepts) {

    /** Evaluates {@code probe} on {@code data} (which must share the probe's feature space). */
    public static Evaluation of(TrainedProbe probe, TrainingData data) {
        probe.requireApplicable(data.space());
        int[] predicted = probe.predict(data.features());
        int classes = probe.space().numClasses();
        long[][] confusion = new long[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            confusion[data.labels()[i]][predicted[i]]++;
        }
        Map<Integer, Double> groups = groupAccuracy(data, predicted);
        double worst = groups.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double[] perClass = perClassAccuracy(confusion);
        return new Evaluation(accuracy(confusion), nanMean(perClass), perClass, macroF1(confusion), confusion,
                groups, worst, probe.weights().nonzerosPerClass(), probe.weights().effectiveConcepts());
    }

    static double accuracy(long[][] confusion) {
        long correct = 0;
        long total = 0;
        for (int t = 0; t < confusion.length; t++) {
            correct += confusion[t][t];
            total += Arrays.stream(confusion[t]).sum();
        }
        return (double) correct / total;
    }

    /** Recall of each class; NaN for a class absent from the split. */
    static double[] perClassAccuracy(long[][] confusion) {
        double[] recall = new double[confusion.length];
        for (int t = 0; t < confusion.length; t++) {
            long support = Arrays.stream(confusion[t]).sum();
            recall[t] = support == 0 ? Double.NaN : (double) confusion[t][t] / support;
        }
        return recall;
    }

    /** Mean F1 over the classes present in the split (true or predicted); F1 is 0 when precision and recall are both 0. */
    static double macroF1(long[][] confusion) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < confusion.length; c++) {
            long support = Arrays.stream(confusion[c]).sum();
            long predicted = 0;
            for (long[] row : confusion) {
                predicted += row[c];
            }
            if (support == 0 && predicted == 0) {
                continue;
            }
            sum += 2.0 * confusion[c][c] / (support + predicted);
            counted++;
        }
        return sum / counted;
    }

    private static Map<Integer, Double> groupAccuracy(TrainingData data, int[] predicted) {
        Map<Integer, Double> accuracy = new TreeMap<>();
        if (data.groups() == null) {
            return accuracy;
        }
        Map<Integer, int[]> counts = new TreeMap<>();
        for (int i = 0; i < predicted.length; i++) {
            int[] c = counts.computeIfAbsent(data.groups()[i], g -> new int[2]);
            c[0] += predicted[i] == data.labels()[i] ? 1 : 0;
            c[1]++;
        }
        counts.forEach((group, c) -> accuracy.put(group, (double) c[0] / c[1]));
        return accuracy;
    }

    private static double nanMean(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }
}
