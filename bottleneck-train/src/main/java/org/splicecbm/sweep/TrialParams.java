package org.splicecbm.sweep;

import java.util.Locale;

/**
 * One point of the linear-probe study (Bhalla et al., NeurIPS 2024, Sec. 5): a vocabulary size and
 * SpLiCE l1 penalty (which fix the concept features) and a probe l1 penalty (a point of that feature
 * set's regularisation path).
 */
public record TrialParams(int vocabularySize, double spliceL1, double probeL1) {

    /** A stable, file-name-safe name of this point, e.g. {@code k10000-l1_0.25-probe_l1_1.0E-4}. */
    public String key() {
        return features().key() + "-probe_l1_" + probeL1;
    }

    /** The feature point (vocabulary size, SpLiCE l1) whose path holds this point. */
    public FeaturePoint features() {
        return new FeaturePoint(vocabularySize, spliceL1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "size %d, splice l1 %s, probe l1 %s", vocabularySize, spliceL1, probeL1);
    }
}
