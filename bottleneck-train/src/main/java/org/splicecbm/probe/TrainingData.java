package org.splicecbm.probe;

import java.util.Arrays;
import org.splicecbm.store.CsrMatrix;

/**
 * One split of a concept-feature set: SpLiCE concept weights (rows = examples, columns = concepts,
 * kept sparse), the class label of each row and, for group-robustness data sets such as Waterbirds
 * or CelebA, an optional group label of each row. The construction checks everything the trainer
 * relies on, so bad input fails here with a message instead of training on garbage.
 *
 * @param space  concept and class names shared by every split of the feature set
 * @param features one row per example, {@code space.concepts().size()} columns
 * @param labels class index per row, in {@code [0, space.classNames().size())}
 * @param groups group index per row (>= 0), or {@code null} when the data has no groups
 */
public record TrainingData(FeatureSpace space, CsrMatrix features, int[] labels, int[] groups) {

    public TrainingData {
        if (space == null || features == null || labels == null) {
            throw new IllegalArgumentException("training data needs a feature space, features and labels; found null");
        }
        if (features.rows() == 0) {
            throw new IllegalArgumentException("the split is empty (0 rows): a probe needs at least one example per split;"
                    + " check the dataset limits and split fractions");
        }
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException("features and labels differ in length: " + features.rows()
                    + " feature rows but " + labels.length + " labels; the feature set and labels.npy must come from the same extraction");
        }
        if (features.cols() != space.concepts().size()) {
            throw new IllegalArgumentException("features have " + features.cols() + " columns but the concept list has "
                    + space.concepts().size() + " entries; concepts.txt must name every column");
        }
        if (groups != null && groups.length != labels.length) {
            throw new IllegalArgumentException("groups and labels differ in length: " + groups.length + " groups, "
                    + labels.length + " labels");
        }
        requireLabelsInRange(labels, space.numClasses());
        if (groups != null && Arrays.stream(groups).anyMatch(g -> g < 0)) {
            throw new IllegalArgumentException("group labels must be >= 0, found " + Arrays.stream(groups).min().getAsInt());
        }
        requireFinite(features);
    }

    /** A split without group labels. */
    public TrainingData(FeatureSpace space, CsrMatrix features, int[] labels) {
        this(space, features, labels, null);
    }

    public int size() {
        return labels.length;
    }

    /** Examples per class. */
    public int[] classCounts() {
        int[] counts = new int[space.numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private static void requireLabelsInRange(int[] labels, int numClasses) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside the class range [0, "
                        + numClasses + "); the class list has " + numClasses + " names, so labels must index into it");
            }
        }
    }

    private static void requireFinite(CsrMatrix features) {
        float[] data = features.data();
        for (int k = 0; k < data.length; k++) {
            if (!Float.isFinite(data[k])) {
                throw new IllegalArgumentException("feature value " + data[k] + " at nonzero " + k
                        + " is not finite; re-extract the feature set");
            }
        }
        for (int index : features.indices()) {
            if (index < 0 || index >= features.cols()) {
                throw new IllegalArgumentException("column index " + index + " outside [0, " + features.cols() + ")");
            }
        }
    }
}
