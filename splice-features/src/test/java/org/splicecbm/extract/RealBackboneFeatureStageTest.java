package org.splicecbm.extract;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.HfClipBackbone;
import org.splicecbm.data.Sample;
import org.splicecbm.data.Split;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.Npy;

/**
 * The feature stage with the real tiny-clip-quickgelu fixture (HfClipBackbone on DJL) over PNGs made
 * here: every cached row is that image's own embedding (decode, PIL-faithful preprocessing, forward
 * pass one at a time) in dataset order, although the stage decodes in parallel and embeds in batches.
 */
class RealBackboneFeatureStageTest {
    static HfClipBackbone clip;

    @TempDir static Path dir;

    @BeforeAll
    static void load() throws URISyntaxException {
        System.setProperty("splice.noProgress", "true");
        Path model = Path.of(RealBackboneFeatureStageTest.class.getResource("/fixtures/clip/tiny-clip-quickgelu").toURI());
        clip = HfClipBackbone.load(model, new BackboneOptions(DeviceChoice.CPU, 1, 3));
    }

    @AfterAll
    static void close() {
        clip.close();
    }

    @Test
    void cachedRowsAreEachImagesOwnEmbeddingInDatasetOrder() throws IOException {
        PngDataset images = new PngDataset(dir.resolve("images"), 7, 45, 31, 7);
        EmbeddingJob embedding = new EmbeddingJob(images, List.of(Split.TRAIN), clip, null, dir.resolve("cache"),
                3, 2, 1, null, FeatureStageTest.CLOCK);
        int dim = clip.embeddingDim();
        ConceptSpace concepts = new ConceptSpace(IntStream.range(0, dim).mapToObj(i -> "c" + i).toList(), "v", "sha", "none");
        FeatureStageResult result = FeatureStage.run(new FeatureJob(embedding, concepts, new ThresholdDecomposer(0.0, dim),
                dir.resolve("out")));
        CachedEmbeddings cached = FeatureStage.embed(embedding).caches().get(Split.TRAIN);
        float[][] rows = Npy.readFloatMatrix(cached.embeddingsFile());
        ImagePreprocessor preprocessor = new ImagePreprocessor(clip.preprocessing());
        List<Sample> samples = images.samples(Split.TRAIN);
        assertEquals(samples.size(), rows.length);
        for (int i = 0; i < samples.size(); i++) {
            float[] alone = clip.embedImages(new float[][] {preprocessor.apply(samples.get(i).source().open())})[0];
            assertEquals(samples.get(i).id(), cached.items().get(i));
            for (int j = 0; j < dim; j++) {
                assertEquals(alone[j], rows[i][j], 1e-5 * (1 + Math.abs(alone[j])), "row " + i + " col " + j);
            }
        }
        FeatureSet fs = FeatureSet.read(result.featureSets().get(Split.TRAIN));
        assertEquals(clip.name(), fs.meta().backbone());
        assertEquals(7, fs.features().rows());
    }
}
