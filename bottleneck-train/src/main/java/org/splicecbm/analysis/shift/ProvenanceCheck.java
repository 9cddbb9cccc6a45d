package org.splicecbm.analysis.shift;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.FeatureSetMeta;

/**
 * Two feature sets are comparable concept by concept only when their weights come from the same SpLiCE
 * problem: backbone, vocabulary (names, size, dictionary digest), image mean, l1 penalty, solver and
 * tolerance. Anything else changes what a weight means, so it is an error that names every difference.
 */
public final class ProvenanceCheck {
    private ProvenanceCheck() {}

    /** Throws {@link IllegalArgumentException} listing every difference between the two sets' provenance. */
    public static void requireSame(String referenceName, FeatureSet reference, String currentName, FeatureSet current) {
        FeatureSetMeta a = reference.meta();
        FeatureSetMeta b = current.meta();
        List<String> differences = new ArrayList<>();
        compare(differences, "backbone", a.backbone(), b.backbone());
        compare(differences, "vocabulary", a.vocabulary(), b.vocabulary());
        compare(differences, "vocabulary_size", a.vocabularySize(), b.vocabularySize());
        compare(differences, "dictionary_sha256", a.dictionarySha256(), b.dictionarySha256());
        compare(differences, "image_mean_source", a.imageMeanSource(), b.imageMeanSource());
        compare(differences, "l1_penalty", a.l1Penalty(), b.l1Penalty());
        compare(differences, "solver", a.solver(), b.solver());
        compare(differences, "tolerance", a.tolerance(), b.tolerance());
        if (differences.isEmpty() && !reference.concepts().equals(current.concepts())) {
            differences.add("concepts.txt (same vocabulary name, different concept columns)");
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("--reference " + referenceName + " and --current " + currentName
                    + " were computed with different SpLiCE settings, so their concept weights are not comparable: "
                    + String.join("; ", differences) + ". Recompute one of them with the other's backbone, concepts,"
                    + " image_mean and splice settings (./splice features --config ...)");
        }
    }

    private static void compare(List<String> out, String key, Object reference, Object current) {
        if (!Objects.equals(reference, current)) {
            out.add(key + " " + reference + " (reference) vs " + current + " (current)");
        }
    }
}
