package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.splice.Splice;
import org.splicecbm.splice.SpliceDecomposition;
import org.splicecbm.splice.SpliceModel;
import org.splicecbm.splice.SpliceOptions;
import org.splicecbm.splice.WeightedConcept;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code splice decompose-image}: SpLiCE's {@code decompose_image.py} for one image, through {@link Splice#decomposeImage}. */
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
        FlagTerms.existingFile("IMAGE", image);
        try {
            SpliceOptions options = Splice.options().optL1(l1).optDevice(DeviceChoice.parse(device)).optBatchSize(64)
                    .optImageMean(ConceptsConfig.PUBLISHED.equals(imageMean) ? null
                            : meanFromFile(FlagTerms.existingFile("--image-mean", Path.of(imageMean))));
            try (SpliceModel model = Splice.load(backbone, vocab, vocabSize, options)) {
                print(Splice.decomposeImage(image, model));
            }
        } catch (IllegalArgumentException e) {
            throw FlagTerms.decomposeImage(e);
        }
        return 0;
    }

    private static ImageMean meanFromFile(Path file) throws java.io.IOException {
        float[] vector = org.splicecbm.store.Npy.read(file).toFloatVector();
        return new ImageMean(vector, "file:" + file.toAbsolutePath());
    }

    private void print(SpliceDecomposition d) {
        for (WeightedConcept c : d.topConcepts(top == null ? Integer.MAX_VALUE : top)) {
            System.out.printf(Locale.ROOT, "%s %.4f%n", c.concept(), c.weight());
        }
        System.out.printf(Locale.ROOT, "Decomposition L0 Norm: %d%n", d.l0());
        System.out.printf(Locale.ROOT, "CLIP, SpLiCE Cosine Sim: %.4f%n", d.cosine());
    }
}
