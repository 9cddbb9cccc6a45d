package org.splicecbm.concepts;

import org.splicecbm.SharedFixtures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splicecbm.hub.UrlFetcher;
import org.splicecbm.store.Npy;
import org.splicecbm.store.Sha256;
import org.splicecbm.validation.InvalidArgumentException;

class ImageMeansTest {
    @TempDir
    Path dir;

    private SpliceData local() {
        return new SpliceData(URI.create("http://127.0.0.1:9/"), SharedFixtures.spliceData(), dir.resolve("cache"), new UrlFetcher(true));
    }

    /** Norms computed with Python from the raw storage of each published file. */
    @ParameterizedTest
    @CsvSource({"open_clip:ViT-B-32, 512, 0.5601161", "clip:ViT-B/32, 512, 0.6841621",
            "clip:ViT-B/16, 512, 0.7016329", "clip:RN50, 1024, 0.6217592"})
    void publishedMeansLoadForTheFourReferenceBackbones(String backbone, int dim, double norm) throws IOException {
        ImageMean mean = ImageMeans.published(backbone, local());
        assertEquals(dim, mean.dim());
        double sq = 0;
        for (float x : mean.vector()) {
            sq += x * x;
        }
        assertEquals(norm, Math.sqrt(sq), 1e-6);
        String file = ImageMeans.publishedFile(backbone).orElseThrow();
        assertEquals("published:" + SpliceData.publishedSha256(file), mean.source());
        assertEquals(SpliceData.publishedSha256(file), Sha256.hex(Files.readAllBytes(SharedFixtures.spliceData().resolve(file))));
    }

    @Test
    void fileNamesFollowTheReferenceLayout() {
        assertEquals("means/clip_ViT-B-16_image.pt", ImageMeans.publishedFile("clip:ViT-B/16").orElseThrow());
        assertEquals("means/open_clip_ViT-B-32_image.pt", ImageMeans.publishedFile("open_clip:ViT-B-32").orElseThrow());
        assertTrue(ImageMeans.publishedFile("hf:openai/clip-vit-large-patch14").isEmpty());
    }

    @Test
    void backboneWithoutPublishedMeanSaysToUseTheDatasetMean() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> ImageMeans.published("hf:some/model", local()));
        assertEquals("concepts.image_mean", e.key());
        assertTrue(e.getMessage().contains("concepts.image_mean: dataset"), e.getMessage());
        assertTrue(e.getMessage().contains("hf:some/model"), e.getMessage());
    }

    @Test
    void meanFromEmbeddingsEqualsTheDirectFormula() {
        Random r = new Random(7);
        float[][] all = new float[25][6];
        for (float[] row : all) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (r.nextGaussian() * 3 + j);
            }
        }
        double[] expected = new double[6];
        for (float[] row : all) {
            double norm = 0;
            for (float x : row) {
                norm += x * x;
            }
            for (int j = 0; j < 6; j++) {
                expected[j] += row[j] / Math.sqrt(norm) / all.length;
            }
        }
        List<float[][]> batches = List.of(java.util.Arrays.copyOfRange(all, 0, 10), java.util.Arrays.copyOfRange(all, 10, 25));
        ImageMean mean = ImageMeans.fromEmbeddings("toy", 6, batches);
        for (int j = 0; j < 6; j++) {
            assertEquals(expected[j], mean.vector()[j], 1e-6);
        }
        assertEquals("dataset:toy,25", mean.source());
    }

    @Test
    void accumulatorRejectsWrongWidthsAndEmptyInput() {
        ImageMeanAccumulator acc = new ImageMeanAccumulator(3);
        assertThrows(IllegalArgumentException.class, () -> acc.add(new float[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> acc.add(new float[] {1, Float.NaN, 2}));
        assertThrows(IllegalStateException.class, () -> acc.finish("empty"));
    }

    @Test
    void saveAndLoadKeepValuesAndProvenance() throws IOException {
        ImageMean mean = ImageMeans.published("clip:ViT-B/32", local());
        ImageMeanFiles.save(mean, dir);
        ImageMean back = ImageMeanFiles.load(dir);
        assertArrayEquals(mean.vector(), back.vector());
        assertEquals(mean.source(), back.source());
        assertEquals(512, Npy.read(dir.resolve(ImageMeanFiles.VECTOR)).toFloatVector().length);
    }

    @Test
    void loadRefusesAVectorThatDoesNotMatchItsJson() throws IOException {
        ImageMeanFiles.save(new ImageMean(new float[] {0.1f, 0.2f}, "dataset:x,2"), dir);
        try (var out = Files.newOutputStream(dir.resolve(ImageMeanFiles.VECTOR))) {
            Npy.writeFloat32Vector(out, new float[] {0.1f, 0.3f});
        }
        IOException e = assertThrows(IOException.class, () -> ImageMeanFiles.load(dir));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }
}
