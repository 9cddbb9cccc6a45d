package org.splicecbm.probe;

import java.nio.file.Path;
import org.splicecbm.store.CsrMatrix;

/**
 * A trained concept-bottleneck probe: its weights, the feature space (concepts, classes, feature-set
 * fingerprint) it was trained on, the resolved config and the suppressed concept columns. Predictions
 * ignore the suppressed columns when the config suppresses at test time.
 */
public final class TrainedProbe {
    private final FeatureSpace space;
    private final LinearWeights weights;
    private final ProbeConfig config;
    private final int[] suppressedColumns;
    private final TrainingSummary summary;
    private final boolean[] testMask;

    TrainedProbe(FeatureSpace space, LinearWeights weights, ProbeConfig config, int[] suppressedColumns,
                 TrainingSummary summary) {
        if (weights.concepts() != space.numConcepts() || weights.classes() != space.numClasses()) {
            throw new IllegalArgumentException("weights are " + weights.concepts() + " x " + weights.classes()
                    + " but the feature space has " + space.numConcepts() + " concepts and " + space.numClasses() + " classes");
        }
        this.space = space;
        this.weights = weights;
        this.config = config;
        this.suppressedColumns = suppressedColumns.clone();
        this.summary = summary;
        this.testMask = ConceptSuppression.mask(space.numConcepts(),
                config.suppressAt().atTest() ? suppressedColumns : new int[0]);
    }

    public FeatureSpace space() {
        return space;
    }

    public LinearWeights weights() {
        return weights;
    }

    public ProbeConfig config() {
        return config;
    }

    public TrainingSummary summary() {
        return summary;
    }

    /** Columns of {@code config().suppressConcepts()}. */
    public int[] suppressedColumns() {
        return suppressedColumns.clone();
    }

    boolean[] testMask() {
        return testMask;
    }

    /** Class probabilities of one row. */
    public float[] probabilities(CsrMatrix features, int row) {
        float[] scores = new float[weights.classes()];
        weights.logits(features, row, testMask, scores);
        LinearWeights.softmaxInPlace(scores);
        return scores;
    }

    /** Predicted class of every row. */
    public int[] predict(CsrMatrix features) {
        requireColumns(features);
        int[] predictions = new int[features.rows()];
        float[] scores = new float[weights.classes()];
        for (int row = 0; row < features.rows(); row++) {
            weights.logits(features, row, testMask, scores);
            predictions[row] = Scoring.argmax(scores);
        }
        return predictions;
    }

    /**
     * Throws unless {@code data} is the kind of feature set this probe was trained on (same backbone,
     * vocabulary and size; same concept list and classes), naming what differs.
     */
    public void requireApplicable(FeatureSpace data) {
        requireApplicable(data, "in memory");
    }

    void requireApplicable(FeatureSpace data, String source) {
        if (space.fingerprint() != null && data.fingerprint() != null) {
            space.fingerprint().requireCompatible(data.fingerprint(), source);
        }
        ProbeTrainer.requireSameSpace(space, data);
    }

    /** Writes the probe to {@code directory} atomically (see {@link ProbeFiles} for the layout). */
    public void save(Path directory) {
        ProbeFiles.save(this, directory);
    }

    /** Reads a probe written by {@link #save}. */
    public static TrainedProbe load(Path directory) {
        return ProbeFiles.load(directory);
    }

    /** Reads a probe and checks that it applies to features of {@code data} ({@link #requireApplicable}). */
    public static TrainedProbe load(Path directory, FeatureSpace data) {
        TrainedProbe probe = ProbeFiles.load(directory);
        probe.requireApplicable(data, directory.toString());
        return probe;
    }

    private void requireColumns(CsrMatrix features) {
        if (features.cols() != weights.concepts()) {
            throw new IllegalArgumentException("features have " + features.cols() + " concept columns but the probe expects "
                    + weights.concepts());
        }
    }
}
