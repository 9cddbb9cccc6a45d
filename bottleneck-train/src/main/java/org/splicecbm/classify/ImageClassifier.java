package org.splicecbm.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.splicecbm.probe.TrainedProbe;
import org.splicecbm.splice.SpliceDecomposition;
import org.splicecbm.splice.SpliceModel;
import org.splicecbm.store.CsrMatrix;

/**
 * A concept-bottleneck image classifier (Bhalla et al., NeurIPS 2024, Sec. 6): CLIP backbone, SpLiCE decomposition
 * and a trained linear probe, chained, with each prediction's concept contributions. The probe must have been
 * trained on features of the same concept dictionary and l1 penalty as the model's ({@link ProbeModelCheck}).
 * The classifier does not own the model: close the model when done.
 */
public final class ImageClassifier {
    private final SpliceModel model;
    private final TrainedProbe probe;
    private final boolean[] suppressed;

    private ImageClassifier(SpliceModel model, TrainedProbe probe) {
        ProbeModelCheck.requireMatch(probe, model);
        this.model = model;
        this.probe = probe;
        this.suppressed = new boolean[model.concepts().size()];
        for (int column : probe.suppressedColumns()) {
            suppressed[column] = true;
        }
    }

    /** The probe saved in {@code probeDirectory} (a run's {@code model/} folder) on top of {@code model}. */
    public static ImageClassifier load(SpliceModel model, Path probeDirectory) {
        return new ImageClassifier(model, TrainedProbe.load(probeDirectory));
    }

    /** A probe already in memory on top of {@code model}. */
    public static ImageClassifier of(SpliceModel model, TrainedProbe probe) {
        return new ImageClassifier(model, probe);
    }

    /** Class names, in the probe's class order. */
    public List<String> classes() {
        return probe.space().classNames();
    }

    /** Classifies one image file. */
    public Prediction predict(Path image) throws IOException {
        return predict(model.encodeImage(image), 0);
    }

    /** Classifies image {@code row} of a decomposition made by this classifier's model. */
    public Prediction predict(SpliceDecomposition decomposition, int row) {
        CsrMatrix weights = decomposition.weights();
        float[] probabilities = probe.probabilities(weights, row);
        int predicted = argmax(probabilities);
        return new Prediction(predicted, classes().get(predicted), probabilities, contributions(decomposition, row, predicted));
    }

    private List<ConceptContribution> contributions(SpliceDecomposition decomposition, int row, int predicted) {
        CsrMatrix w = decomposition.weights();
        List<ConceptContribution> out = new ArrayList<>();
        for (long p = w.indptr()[row]; p < w.indptr()[row + 1]; p++) {
            int column = w.indices()[(int) p];
            double coefficient = probe.weights().weight(column, predicted);
            double contribution = w.data()[(int) p] * coefficient;
            if (!suppressed[column] && contribution != 0) {
                out.add(new ConceptContribution(decomposition.concepts().get(column), column, w.data()[(int) p], coefficient, contribution));
            }
        }
        out.sort(Comparator.comparingDouble(ConceptContribution::contribution).reversed()
                .thenComparingInt(ConceptContribution::index));
        return out;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "ImageClassifier[" + model.backbone().name() + ", " + model.concepts().size() + " concepts, classes "
                + Arrays.toString(classes().toArray()) + "]";
    }
}
