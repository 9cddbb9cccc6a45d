package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.decompose.SpliceConfig;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.features.SpliceSetup;
import org.splicecbm.features.SpliceStep;
import org.splicecbm.image.ImageDecoder;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.store.CsrMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code splice decompose-image}: SpLiCE's {@code decompose_image.py} for one image. */
@Command(name = "decompose-image", mixinStandardHelpOptions = true,
        description = "Decompose one image into SpLiCE concepts and print them with their weights, L0 and cosine.")
final class DecomposeImageCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the image (JPEG, PNG, BMP, GIF)")
    Path image;

    @Option(names = "--backbone", required = true, description = "open_clip:ViT-B-32 | clip:ViT-B/32 | clip:ViT-B/16 | clip:RN50 | hf:<org>/<repo> | a model folder")
    String backbone;

    @Option(names = "--vocab", defaultValue = "laion", description = "laion | laion_bigrams | mscoco | a text file (default ${DEFAULT-VALUE})")
    String vocab;

    @Option(names = "--vocab-size", defaultValue = "10000", description = "use the last K lines of the vocabulary (default ${DEFAULT-VALUE})")
    int vocabSize;

    @Option(names = "--l1", defaultValue = "0.25", description = "SpLiCE's l1 penalty (default ${DEFAULT-VALUE})")
    double l1;

    @Option(names = "--image-mean", defaultValue = "published",
            description = "published (SpLiCE's mean for the backbone) or a .npy file holding a mean image embedding of d values; default ${DEFAULT-VALUE}")
    String imageMean;

    @Option(names = "--top", description = "print only the N largest weights")
    Integer top;

    @Option(names = "--device", defaultValue = "auto", description = "cpu | gpu | auto")
    String device;

    @Override
    public Integer call() throws Exception {
        ConceptsConfig concepts = new ConceptsConfig(vocab, vocabSize, ConceptsConfig.PUBLISHED);
        try (ClipBackbone model = ClipModels.open(backbone, new BackboneOptions(DeviceChoice.parse(device), 0, 64))) {
            float[] pixels = new ImagePreprocessor(model.preprocessing()).apply(ImageDecoder.decode(image));
            float[][] embedding = model.embedImages(new float[][] {pixels});
            ConceptDictionary dictionary = SpliceSetup.dictionary(model, concepts);
            ImageMean mean = ConceptsConfig.PUBLISHED.equals(imageMean)
                    ? SpliceSetup.imageMean(backbone, concepts, image.toString(), null) : meanFromFile(Path.of(imageMean));
            try (SpliceStep step = SpliceSetup.step(dictionary, mean, new SpliceConfig(l1, null))) {
                Decomposition d = step.decompose(embedding);
                print(d, dictionary);
            }
        }
        return 0;
    }

    private static ImageMean meanFromFile(Path file) throws java.io.IOException {
        float[] vector = org.splicecbm.store.Npy.read(file).toFloatVector();
        return new ImageMean(vector, "file:" + file.toAbsolutePath());
    }

    private void print(Decomposition d, ConceptDictionary dictionary) {
        CsrMatrix w = d.weights();
        Integer[] order = new Integer[w.rowNnz(0)];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(w.data()[b], w.data()[a]));
        int shown = top == null ? order.length : Math.min(top, order.length);
        for (int k = 0; k < shown; k++) {
            System.out.printf(Locale.ROOT, "%s %.4f%n", dictionary.concepts().get(w.indices()[order[k]]), w.data()[order[k]]);
        }
        System.out.printf(Locale.ROOT, "Decomposition L0 Norm: %d%n", d.l0()[0]);
        System.out.printf(Locale.ROOT, "CLIP, SpLiCE Cosine Sim: %.4f%n", d.cosine()[0]);
    }
}
