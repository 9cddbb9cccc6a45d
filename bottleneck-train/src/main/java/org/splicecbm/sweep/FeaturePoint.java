package org.splicecbm.sweep;

import java.io.Serializable;
import java.util.Locale;

/**
 * One planned unit of a sweep: a vocabulary size and a SpLiCE l1 penalty, which fix the concept features
 * (Bhalla et al., NeurIPS 2024, Sec. 5). Each costs one feature set and one probe regularisation path; the
 * path's penalties are the probe axis. Serializable because Arbiter candidates must be.
 */
public record FeaturePoint(int vocabularySize, double spliceL1) implements Serializable {

    /** A stable, file-name-safe name, e.g. {@code k10000-l1_0.25}; also the name of its stored path. */
    public String key() {
        return "k" + vocabularySize + "-l1_" + spliceL1;
    }

    /** The trial point of this feature point at probe penalty {@code probeL1}. */
    public TrialParams at(double probeL1) {
        return new TrialParams(vocabularySize, spliceL1, probeL1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "size %d, splice l1 %s", vocabularySize, spliceL1);
    }
}
