package org.splicecbm.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the columns and classes of a concept-feature set mean: the concept text of every column
 * (SpLiCE vocabulary order), the class names, and the fingerprint of the extraction that produced
 * the features. A trained probe only applies to features with the same space.
 *
 * @param fingerprint the feature set's provenance, or {@code null} for in-memory data without a {@code meta.json}
 */
public record FeatureSpace(List<String> concepts, List<String> classNames, FeatureFingerprint fingerprint) {

    public FeatureSpace {
        if (concepts == null || concepts.isEmpty()) {
            throw new IllegalArgumentException("a feature space needs at least one concept name (concepts.txt), found none");
        }
        if (classNames == null || classNames.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, found "
                    + (classNames == null ? 0 : classNames.size()));
        }
        concepts = List.copyOf(concepts);
        classNames = List.copyOf(classNames);
    }

    /**
     * The space of a feature-set directory: column names from {@code concepts.txt}, the fingerprint from
     * {@code meta.json}; class names come from the dataset.
     */
    public static FeatureSpace read(Path featureSetDir, List<String> classNames) {
        Path conceptsFile = featureSetDir.resolve("concepts.txt");
        try {
            List<String> concepts = Files.readAllLines(conceptsFile, StandardCharsets.UTF_8);
            return new FeatureSpace(concepts, classNames, FeatureFingerprint.read(featureSetDir.resolve("meta.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + conceptsFile + ": " + e.getMessage(), e);
        }
    }

    public int numClasses() {
        return classNames.size();
    }

    public int numConcepts() {
        return concepts.size();
    }
}
