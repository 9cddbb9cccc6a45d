package org.splicecbm.concepts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.splicecbm.store.Sha256;
import org.splicecbm.torch.TorchArchive;
import org.splicecbm.torch.TorchTensor;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Where a backbone's image mean comes from: SpLiCE's published MSCOCO means (Bhalla et al., NeurIPS 2024) for the
 * four backbones the reference supports, or the mean of a dataset's normalised image embeddings for any other.
 */
public final class ImageMeans {
    /** Backbones with a published mean, and their widths. */
    public static final Map<String, Integer> PUBLISHED_DIMS = Map.of(
            "open_clip:ViT-B-32", 512, "clip:ViT-B/32", 512, "clip:ViT-B/16", 512, "clip:RN50", 1024);

    private ImageMeans() {}

    /** The published file for a backbone, e.g. {@code means/clip_ViT-B-32_image.pt}; empty when SpLiCE published none. */
    public static Optional<String> publishedFile(String backboneName) {
        if (!PUBLISHED_DIMS.containsKey(backboneName)) {
            return Optional.empty();
        }
        int colon = backboneName.indexOf(':');
        String library = backboneName.substring(0, colon);
        String model = backboneName.substring(colon + 1).replace('/', '-');
        return Optional.of("means/" + library + "_" + model + "_image.pt");
    }

    /** SpLiCE's published mean for {@code backboneName}, fetched through {@link SpliceData#fromEnvironment()}. */
    public static ImageMean published(String backboneName) {
        return published(backboneName, SpliceData.fromEnvironment());
    }

    /**
     * SpLiCE's published mean for {@code backboneName}.
     *
     * @throws InvalidArgumentException under {@code concepts.image_mean} when SpLiCE published none for this backbone
     */
    public static ImageMean published(String backboneName, SpliceData data) {
        String relative = publishedFile(backboneName).orElseThrow(() -> new InvalidArgumentException("concepts.image_mean",
                "SpLiCE published image means only for " + String.join(", ", PUBLISHED_DIMS.keySet().stream().sorted().toList())
                        + ", not for backbone " + backboneName + "; set concepts.image_mean: dataset to compute it from the training images"));
        try {
            Path file = data.file(relative);
            return new ImageMean(readVector(file, PUBLISHED_DIMS.get(backboneName)), "published:" + Sha256.hex(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SpLiCE's image mean for " + backboneName + ": " + e.getMessage(), e);
        }
    }

    /** The mean of the normalised embeddings in {@code batches} (raw image embeddings, one per row). */
    public static ImageMean fromEmbeddings(String datasetName, int dim, Iterable<float[][]> batches) {
        ImageMeanAccumulator acc = new ImageMeanAccumulator(dim);
        for (float[][] batch : batches) {
            acc.addAll(batch);
        }
        return acc.finish(datasetName);
    }

    private static float[] readVector(Path file, int expectedDim) throws IOException {
        TorchTensor t = TorchArchive.readTensor(file);
        if (t.values().length != expectedDim || t.shape().length != 1) {
            throw new IOException(file + " must hold a 1-D tensor of " + expectedDim + " values, found "
                    + t.dtype() + " " + java.util.Arrays.toString(t.shape()));
        }
        return t.values();
    }
}
