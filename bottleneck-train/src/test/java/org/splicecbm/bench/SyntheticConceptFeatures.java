package org.splicecbm.bench;

import java.util.ArrayList;
import java.util.List;
import org.splicecbm.probe.FeatureFingerprint;
import org.splicecbm.probe.FeatureSpace;
import org.splicecbm.probe.TrainingData;
import org.splicecbm.testing.SyntheticConceptRows;

/**
 * The probe benchmarks' synthetic SpLiCE features ({@link SyntheticConceptRows}, shared with splice-spark's
 * benchmark so both measure the same rows) as the probe's {@link TrainingData}, with named concepts and classes.
 */
record SyntheticConceptFeatures(int concepts, int classes, int signatureSize, int signatureTries, double signalProbability,
                                int noise) {

    FeatureSpace space() {
        List<String> names = new ArrayList<>(concepts);
        for (int j = 0; j < concepts; j++) {
            names.add("concept " + j);
        }
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            classNames.add("class " + k);
        }
        return new FeatureSpace(names, classNames, new FeatureFingerprint("bench:synthetic", "synthetic", concepts, 0.25, ""));
    }

    TrainingData sample(int rows, long seed) {
        SyntheticConceptRows.Sample s = new SyntheticConceptRows(concepts, classes, signatureSize, signatureTries,
                signalProbability, noise).sample(rows, seed);
        return new TrainingData(space(), s.x(), s.labels());
    }
}
