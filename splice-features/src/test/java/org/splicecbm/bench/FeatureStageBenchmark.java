package org.splicecbm.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.HfClipBackbone;
import org.splicecbm.concepts.DictionaryMath;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.data.FileImageSource;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Sample;
import org.splicecbm.data.Split;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.features.ConceptSpace;
import org.splicecbm.features.EmbeddingJob;
import org.splicecbm.features.FeatureJob;
import org.splicecbm.features.FeatureStage;
import org.splicecbm.features.SpliceStep;
import org.splicecbm.features.StageCounters;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.CachedEmbeddings;

/**
 * End-to-end throughput of the feature stage (decode JPEG → PIL-faithful preprocessing → ViT-B/32
 * forward → resumable cache → SpLiCE decomposition → feature set) on synthetic 320x240 JPEGs, and the
 * share of wall time spent inside the CLIP forward pass. The backbone is a random-weight
 * ViT-B/32 ({@link RandomVitB32Model}) loaded through {@code HfClipBackbone}.
 * Arguments: {@code [images=256] [torchThreads=2] [decodeThreads=2] [batch=64]}.
 */
public final class FeatureStageBenchmark {
    private static final int CONCEPTS = 10_000;
    private static final double L1 = 0.25;

    private FeatureStageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int torchThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int decodeThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        System.setProperty("splice.noProgress", "true");
        Path work = Files.createTempDirectory("feature-bench");
        try {
            Path model = RandomVitB32Model.write(work.resolve("model"), 0);
            ImageDataset dataset = jpegs(work.resolve("images"), images);
            try (HfClipBackbone clip = HfClipBackbone.load(model, new BackboneOptions(DeviceChoice.CPU, torchThreads, batch))) {
                double decodeRate = decodeOnly(dataset, clip);
                clip.embedImages(new float[batch][clip.preprocessing().pixelCount()]); // warm up the engine
                EmbeddingJob job = new EmbeddingJob(dataset, List.of(Split.TRAIN), clip, null, work.resolve("cache"), batch,
                        decodeThreads, 2, null, null);
                long start = System.nanoTime();
                StageCounters counters = FeatureStage.embed(job).counters();
                double seconds = (System.nanoTime() - start) / 1e9;
                double forward = counters.embedNanos() / 1e9;
                System.out.printf("images=%d batch=%d torchThreads=%d decodeThreads=%d cores=%d%n", images, batch,
                        torchThreads, decodeThreads, Runtime.getRuntime().availableProcessors());
                System.out.printf("decode+preprocess alone (1 thread): %.1f images/s%n", decodeRate);
                System.out.printf("stage 1 end to end: %.2f s, %.2f images/s%n", seconds, images / seconds);
                System.out.printf("CLIP forward: %.2f s = %.0f%% of stage 1 wall time (%.2f images/s inside the forward)%n",
                        forward, 100 * forward / seconds, images / forward);
                double decompose = decompose(job, work.resolve("features"));
                double total = seconds + decompose;
                System.out.printf("stage 2 (SpLiCE, %d random concepts, l1 %.2f, exact solver): %.2f s%n", CONCEPTS, L1, decompose);
                System.out.printf("end to end (stage 1 + stage 2): %.2f s, %.2f images/s, CLIP forward %.0f%% of it%n",
                        total, images / total, 100 * forward / total);
            }
        } finally {
            AtomicDirectory.deleteRecursively(work);
        }
    }

    /**
     * Stage 2 timed alone: the embeddings are cached by now, so {@code FeatureStage.run} only decomposes
     * and writes. The dictionary is random unit vectors (10,000 like SpLiCE's default vocabulary size),
     * the image mean comes from the cached embeddings.
     */
    private static double decompose(EmbeddingJob job, Path out) throws IOException {
        int dim = job.backbone().embeddingDim();
        CachedEmbeddings cached = FeatureStage.embed(job).caches().get(Split.TRAIN);
        ImageMean mean = ImageMeans.fromEmbeddings("synthetic", dim, cached.rowBatches(256));
        SplittableRandom random = new SplittableRandom(1);
        float[][] raw = new float[CONCEPTS][dim];
        for (float[] row : raw) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) (random.nextDouble() - 0.5);
            }
        }
        float[][] centred = DictionaryMath.centre(raw);
        List<String> names = IntStream.range(0, CONCEPTS).mapToObj(i -> "concept" + i).toList();
        ConceptSpace space = new ConceptSpace(names, "random", "none", mean.source());
        long start = System.nanoTime();
        try (SpliceStep solver = new SpliceStep(centred, mean.vector(), L1, SolverOptions.defaults().relativeGapTolerance())) {
            FeatureStage.run(new FeatureJob(job, space, solver, out));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Smooth random gradients plus noise, written as JPEG (quality default), classes alternating. */
    private static ImageDataset jpegs(Path root, int count) throws IOException {
        Random random = new Random(0);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path file = root.resolve(i % 2 == 0 ? "a" : "b").resolve(String.format("%04d.jpg", i));
            Files.createDirectories(file.getParent());
            BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            int r0 = random.nextInt(256), g0 = random.nextInt(256), b0 = random.nextInt(256);
            for (int y = 0; y < 240; y++) {
                for (int x = 0; x < 320; x++) {
                    int n = random.nextInt(32);
                    img.setRGB(x, y, ((r0 + x / 2 + n) & 255) << 16 | ((g0 + y + n) & 255) << 8 | ((b0 + (x + y) / 3) & 255));
                }
            }
            ImageIO.write(img, "jpg", file.toFile());
            samples.add(new Sample(root.relativize(file).toString(), i % 2, new FileImageSource(file), Map.of()));
        }
        return new ImageDataset() {
            @Override
            public String name() {
                return "synthetic-jpegs";
            }

            @Override
            public List<String> classNames() {
                return List.of("a", "b");
            }

            @Override
            public List<Sample> samples(Split split) {
                return samples;
            }
        };
    }

    private static double decodeOnly(ImageDataset dataset, HfClipBackbone clip) throws IOException {
        ImagePreprocessor preprocessor = new ImagePreprocessor(clip.preprocessing());
        List<Sample> samples = dataset.samples(Split.TRAIN).subList(0, Math.min(64, dataset.samples(Split.TRAIN).size()));
        long start = System.nanoTime();
        for (Sample s : samples) {
            preprocessor.apply(s.source().open());
        }
        return samples.size() / ((System.nanoTime() - start) / 1e9);
    }
}
