package org.splicecbm.decompose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dataset- and class-level SpLiCE summaries, accumulated batch by batch (what the reference's
 * {@code decompose_data.py} reports): the mean weight vector ("the dataset's decomposition"), mean
 * L0, mean cosine and count, overall and per class label. NaN cosines (all-zero embeddings) are left
 * out of the cosine mean; they still count as rows.
 */
public final class DecompositionSummary {
    /** A concept and its mean weight. */
    public record ConceptWeight(int concept, double weight) {}

    private final int concepts;
    private final Accumulator overall;
    private final Map<Integer, Accumulator> byClass = new TreeMap<>();

    public DecompositionSummary(int concepts) {
        if (concepts < 1) {
            throw new IllegalArgumentException("concept count must be at least 1, found " + concepts);
        }
        this.concepts = concepts;
        this.overall = new Accumulator(concepts);
    }

    /** Adds a batch; {@code labels} gives each row's class (one per row), or is null for no classes. */
    public void add(Decomposition batch, int[] labels) {
        if (batch.weights().cols() != concepts) {
            throw new IllegalArgumentException("batch has " + batch.weights().cols() + " concepts, summary expects " + concepts);
        }
        if (labels != null && labels.length != batch.rows()) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries for " + batch.rows() + " rows");
        }
        for (int i = 0; i < batch.rows(); i++) {
            overall.add(batch, i);
            if (labels != null) {
                byClass.computeIfAbsent(labels[i], k -> new Accumulator(concepts)).add(batch, i);
            }
        }
    }

    public long count() {
        return overall.count;
    }

    public double meanL0() {
        return overall.meanL0();
    }

    public double meanCosine() {
        return overall.meanCosine();
    }

    public double[] meanWeights() {
        return overall.meanWeights();
    }

    /** The k concepts with the largest mean weight (positive only), largest first, ties by index. */
    public List<ConceptWeight> topConcepts(int k) {
        return top(overall.meanWeights(), k);
    }

    /** Class labels seen, in increasing order. */
    public List<Integer> classes() {
        return new ArrayList<>(byClass.keySet());
    }

    public long count(int label) {
        return forClass(label).count;
    }

    public double meanL0(int label) {
        return forClass(label).meanL0();
    }

    public double meanCosine(int label) {
        return forClass(label).meanCosine();
    }

    public double[] meanWeights(int label) {
        return forClass(label).meanWeights();
    }

    public List<ConceptWeight> topConcepts(int label, int k) {
        return top(forClass(label).meanWeights(), k);
    }

    private Accumulator forClass(int label) {
        Accumulator a = byClass.get(label);
        if (a == null) {
            throw new IllegalArgumentException("no rows with class label " + label + " were added; labels seen: "
                    + byClass.keySet());
        }
        return a;
    }

    private static List<ConceptWeight> top(double[] mean, int k) {
        List<ConceptWeight> all = new ArrayList<>();
        for (int j = 0; j < mean.length; j++) {
            if (mean[j] > 0) {
                all.add(new ConceptWeight(j, mean[j]));
            }
        }
        all.sort((a, b) -> a.weight() != b.weight() ? Double.compare(b.weight(), a.weight())
                : Integer.compare(a.concept(), b.concept()));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    /** Running sums for one group of rows. */
    private static final class Accumulator {
        private final double[] weightSum;
        private long count;
        private long l0Sum;
        private double cosineSum;
        private long cosineCount;

        Accumulator(int concepts) {
            this.weightSum = new double[concepts];
        }

        void add(Decomposition batch, int row) {
            count++;
            l0Sum += batch.l0()[row];
            float cosine = batch.cosine()[row];
            if (!Float.isNaN(cosine)) {
                cosineSum += cosine;
                cosineCount++;
            }
            var w = batch.weights();
            for (long p = w.indptr()[row]; p < w.indptr()[row + 1]; p++) {
                weightSum[w.indices()[(int) p]] += w.data()[(int) p];
            }
        }

        double meanL0() {
            return count == 0 ? Double.NaN : (double) l0Sum / count;
        }

        double meanCosine() {
            return cosineCount == 0 ? Double.NaN : cosineSum / cosineCount;
        }

        double[] meanWeights() {
            double[] mean = new double[weightSum.length];
            for (int j = 0; j < mean.length; j++) {
                mean[j] = count == 0 ? 0 : weightSum[j] / count;
            }
            return mean;
        }
    }
}
