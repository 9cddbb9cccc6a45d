package org.splicecbm.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Sample;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.FeaturePipeline;
import org.splicecbm.store.FeatureSet;
import org.splicecbm.store.SkippedImage;

/**
 * A feature set named on the command line: a feature-set folder, or a run config with an optional split
 * ({@code run.yaml:train}, default {@code test}) whose {@code ./splice features} output is read. The config
 * (given, or the {@code config.yaml} the feature stage saved beside the folder) gives the dataset, for class
 * names and manifest columns.
 */
public final class FeatureSetInput {
    private final String name;
    private final FeatureSet set;
    private final RunConfig config;
    private final Split split;

    private FeatureSetInput(String name, FeatureSet set, RunConfig config, Split split) {
        this.name = name;
        this.set = set;
        this.config = config;
        this.split = split;
    }

    /** Opens {@code spec} ({@code option} names the flag in errors). */
    public static FeatureSetInput open(String option, String spec) throws IOException {
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            Path saved = path.toAbsolutePath().getParent().resolve("config.yaml");
            RunConfig config = Files.isRegularFile(saved) ? ConfigLoader.load(saved, RunConfig.class) : null;
            FeatureSet set = FeatureSet.read(path);
            return new FeatureSetInput(spec, set, config, Split.parse(set.meta().split()));
        }
        int colon = spec.lastIndexOf(':');
        Split split = Split.TEST;
        if (colon > 0 && !Files.exists(path) && List.of("train", "val", "test").contains(spec.substring(colon + 1))) {
            split = Split.parse(spec.substring(colon + 1));
            path = Path.of(spec.substring(0, colon));
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(option + " " + spec + ": no such feature-set folder or config file; give a"
                    + " folder written by ./splice features (with meta.json) or a config, e.g. run.yaml or run.yaml:train");
        }
        RunConfig config = ConfigLoader.load(path, RunConfig.class);
        Path dir = FeaturePipeline.featureDir(config.features()).resolve(split.key());
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + spec + ": no " + split.key() + " features at " + dir
                    + "; run ./splice features --config " + path + " first");
        }
        return new FeatureSetInput(spec, FeatureSet.read(dir), config, split);
    }

    public String name() {
        return name;
    }

    public FeatureSet set() {
        return set;
    }

    /** Class names of the dataset, or {@code label <i>} when no config is known. */
    public List<String> classNames() throws IOException {
        if (config == null) {
            return List.of();
        }
        return Datasets.open(config.dataset()).classNames();
    }

    /** The value of manifest column {@code column} for each row, in row order. */
    public List<String> columnValues(String column) throws IOException {
        if (config == null) {
            throw new IllegalArgumentException("--by " + column + " needs the dataset of " + name + ", but no config.yaml"
                    + " was found beside it; give the run config instead (run.yaml:split)");
        }
        List<Sample> kept = keptSamples(Datasets.open(config.dataset()));
        Set<String> columns = kept.isEmpty() ? Set.of() : new TreeSet<>(kept.get(0).groups().keySet());
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("--by " + column + ": the dataset of " + name + " has no column '" + column
                    + "'; its manifest columns are " + columns + " (besides path, label and split)");
        }
        List<String> values = new ArrayList<>();
        kept.forEach(s -> values.add(s.groups().get(column)));
        return values;
    }

    private List<Sample> keptSamples(ImageDataset dataset) throws IOException {
        Set<String> skipped = new HashSet<>();
        for (SkippedImage s : set.meta().skippedImages()) {
            skipped.add(s.id());
        }
        List<Sample> kept = dataset.samples(split).stream().filter(s -> !skipped.contains(s.id())).toList();
        if (kept.size() != set.features().rows()) {
            throw new IllegalStateException(name + " has " + set.features().rows() + " rows but its dataset now lists "
                    + kept.size() + " " + split.key() + " images; the dataset changed since ./splice features ran: run it again");
        }
        return kept;
    }
}
