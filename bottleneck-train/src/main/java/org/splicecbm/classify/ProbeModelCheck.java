package org.splicecbm.classify;

import org.splicecbm.probe.FeatureFingerprint;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.splice.SpliceModel;

/**
 * Refuses a probe and a SpLiCE model that do not belong together: a probe reads each feature column as one concept
 * of one dictionary at one l1 penalty (Bhalla et al., NeurIPS 2024, Sec. 6), so another backbone, vocabulary, size or
 * penalty would give confident, wrong answers. Each error names both sides.
 */
final class ProbeModelCheck {
    private ProbeModelCheck() {}

    static void requireMatch(TrainedProbe probe, SpliceModel model) {
        FeatureFingerprint trained = probe.space().fingerprint();
        String modelSide = "the SpLiCE model (backbone " + model.backbone().name() + ", vocabulary "
                + model.dictionary().provenance().vocabulary() + ", " + model.concepts().size() + " concepts, l1 " + model.l1() + ")";
        String probeSide = trained == null ? "the probe (" + probe.space().numConcepts() + " concepts)"
                : "the probe (trained on backbone " + trained.backbone() + ", vocabulary " + trained.vocabulary() + ", "
                        + trained.vocabularySize() + " concepts, l1 " + trained.l1Penalty() + ")";
        if (!probe.space().concepts().equals(model.concepts())) {
            throw new IllegalArgumentException(probeSide + " reads other concept columns than " + modelSide
                    + "; load the model with the probe's backbone, vocabulary and vocabulary size");
        }
        if (trained == null) {
            return;
        }
        String checksum = trained.dictionaryChecksum();
        if (!checksum.isEmpty() && !checksum.equals(model.dictionary().provenance().matrixSha256())) {
            throw new IllegalArgumentException(probeSide + " was trained on another concept dictionary than " + modelSide
                    + " (dictionary SHA-256 " + checksum + " vs " + model.dictionary().provenance().matrixSha256()
                    + "); load the model with the probe's backbone weights, vocabulary and size");
        }
        if (Double.compare(trained.l1Penalty(), model.l1()) != 0) {
            throw new IllegalArgumentException(probeSide + " was trained on SpLiCE weights at another l1 penalty than "
                    + modelSide + "; load the model with Splice.options().optL1(" + trained.l1Penalty() + ")");
        }
    }
}
