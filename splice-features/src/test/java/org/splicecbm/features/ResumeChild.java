package org.splicecbm.features;

import java.nio.file.Path;
import java.util.List;
import org.splicecbm.data.Split;

/**
 * Child JVM for {@link KillResumeTest}: runs the feature stage with a slow backbone so the parent can
 * {@code kill -9} it mid-run. Arguments: images directory, cache directory, output directory.
 */
final class ResumeChild {
    private ResumeChild() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("splice.noProgress", "true");
        PngDataset images = new PngDataset(Path.of(args[0]), KillResumeTest.IMAGES, 20, 14, 42);
        FakeBackbone slow = new FakeBackbone() {
            @Override
            public float[][] embedImages(float[][] pixels) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.embedImages(pixels);
            }
        };
        EmbeddingJob embedding = new EmbeddingJob(images, List.of(Split.TRAIN), slow, null, Path.of(args[1]), 2, 1, 1,
                null, FeatureStageTest.CLOCK);
        FeatureStage.run(new FeatureJob(embedding, FeatureStageTest.CONCEPTS, new ThresholdDecomposer(0.1), Path.of(args[2])));
    }
}
