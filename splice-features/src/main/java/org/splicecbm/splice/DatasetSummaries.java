package org.splicecbm.splice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splicecbm.decompose.DecompositionSummary;

/**
 * SpLiCE's {@code decompose_dataset} and {@code decompose_classes} (Bhalla et al., NeurIPS 2024; reference
 * {@code splice/splice.py}) over image files: decoded and encoded one model batch at a time, summed into a
 * {@link DecompositionSummary}, so no weight matrix of the whole dataset is held.
 */
final class DatasetSummaries {
    private DatasetSummaries() {}

    /** All images: {@link Splice#decomposeDataset}. */
    static MeanDecomposition dataset(List<Path> images, SpliceModel model) throws IOException {
        return MeanDecomposition.overall(summarise(images, null, model), model.concepts());
    }

    /** Per class, or one target class: {@link Splice#decomposeClasses}. */
    static ClassDecompositions classes(List<Path> images, int[] labels, Integer targetLabel, SpliceModel model)
            throws IOException {
        if (labels.length != images.size()) {
            throw new IllegalArgumentException("decomposeClasses needs one label per image: " + images.size() + " images, "
                    + labels.length + " labels");
        }
        List<Path> kept = new ArrayList<>();
        int[] keptLabels = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (targetLabel == null || labels[i] == targetLabel) {
                keptLabels[kept.size()] = labels[i];
                kept.add(images.get(i));
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no image has class label " + targetLabel + "; labels present: "
                    + Arrays.stream(labels).distinct().sorted().boxed().toList());
        }
        return ClassDecompositions.of(summarise(kept, Arrays.copyOf(keptLabels, kept.size()), model), model.concepts());
    }

    private static DecompositionSummary summarise(List<Path> images, int[] labels, SpliceModel model) throws IOException {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to decompose: the list is empty");
        }
        DecompositionSummary summary = new DecompositionSummary(model.concepts().size());
        int batch = Math.max(1, model.batchSize());
        for (int start = 0; start < images.size(); start += batch) {
            int end = Math.min(start + batch, images.size());
            SpliceDecomposition d = model.encodeImage(images.subList(start, end).toArray(Path[]::new));
            summary.add(d.decomposition(), labels == null ? null : Arrays.copyOfRange(labels, start, end));
        }
        return summary;
    }

}
