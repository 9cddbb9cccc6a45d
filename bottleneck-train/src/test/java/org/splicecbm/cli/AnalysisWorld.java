package org.splicecbm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.splicecbm.testing.DrawnShapes;

/**
 * The tiny world of {@link TinyWorld} as a CSV manifest with a {@code year} column and fixed train/test
 * splits, for the analysis commands ({@code shift}, {@code histogram}).
 */
final class AnalysisWorld {
    static final List<String> YEARS = List.of("2010", "2011", "2012");
    final Path dir;
    final Path config;
    final Path manifest;
    final CliProcess splice;

    private AnalysisWorld(Path dir, Path config, Path manifest, CliProcess splice) {
        this.dir = dir;
        this.config = config;
        this.manifest = manifest;
        this.splice = splice;
    }

    /** Images (perClass per class), manifest, config with l1 {@code l1}; features computed by ./splice features. */
    static AnalysisWorld create(Path dir, int perClass, double l1) throws Exception {
        Path model = TinyWorld.model(dir.resolve("model"));
        Path images = TinyWorld.images(dir.resolve("images"), perClass);
        Path vocabulary = TinyWorld.vocabulary(dir.resolve("words.txt"));
        StringBuilder csv = new StringBuilder("path,label,split,year\n");
        for (String cls : DrawnShapes.CLASSES) {
            for (int i = 0; i < perClass; i++) {
                csv.append(cls).append('/').append(String.format("%03d.png", i)).append(',').append(cls).append(',')
                        .append(i % 3 == 2 ? "test" : "train").append(',').append(YEARS.get((i / 3) % YEARS.size())).append('\n');
            }
        }
        Path manifest = Files.writeString(dir.resolve("manifest.csv"), csv);
        Path config = Files.writeString(dir.resolve("run.yaml"), """
                schema: 1
                name: tiny-analysis
                backbone: %s
                batch_size: 8
                dataset:
                  kind: csv
                  root: %s
                  manifest: %s
                concepts:
                  vocabulary: %s
                  size: %d
                  image_mean: dataset
                splice:
                  l1_penalty: %s
                tracking:
                  uri: mlruns
                output: out
                """.formatted(model, images, manifest, vocabulary, TinyWorld.WORDS.size(), l1));
        CliProcess splice = new CliProcess(dir, Map.of("HF_HOME", dir.resolve("hf").toString(),
                "SPLICE_CACHE", dir.resolve("splice-cache").toString()));
        return new AnalysisWorld(dir, config, manifest, splice);
    }

    /** The feature-set folder of {@code split} at the config's l1. */
    Path features(String split, double l1) {
        return dir.resolve("out/features/words.txt-" + TinyWorld.WORDS.size() + "-l1_" + l1).resolve(split);
    }
}
