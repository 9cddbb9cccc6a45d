package org.splicecbm.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.Locale;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.data.DatasetConfig;
import org.splicecbm.decompose.SpliceConfig;

/**
 * The feature side of a run config: backbone, device, batch size, threads, dataset, SpLiCE concepts and
 * penalty (Bhalla et al., NeurIPS 2024), and the output folder; everything the feature stage,
 * {@code decompose-data} and the zero-shot study read. The config stays one YAML file: the run-side sections
 * ({@code probe}, {@code tracking}, {@code sweep}) are validated by the training module's {@code RunConfig},
 * so this record skips them; any other unknown key is still an error.
 */
@JsonIgnoreProperties({"probe", "tracking", "sweep"})
public record FeatureConfig(Integer schema, String name, String backbone, String device, Integer batchSize,
                            Integer threads, DatasetConfig dataset, ConceptsConfig concepts, SpliceConfig splice,
                            Path output) implements RelativePaths<FeatureConfig> {

    /** The config format this build reads. */
    public static final int SCHEMA = 1;

    public FeatureConfig {
        ConfigException.require(schema != null && schema == SCHEMA, "schema", "be " + SCHEMA + " (add 'schema: 1' at the top)", schema);
        ConfigException.require(name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), "name",
                "be a simple identifier (letters, digits, '.', '_', '-')", name);
        ConfigException.require(backbone != null && !backbone.isBlank(), "backbone",
                "name a backbone (open_clip:ViT-B-32, clip:ViT-B/32, clip:ViT-B/16, clip:RN50, hf:<org>/<repo>) or a model folder", backbone);
        device = device == null ? "auto" : device.toLowerCase(Locale.ROOT);
        ConfigException.require(device.equals("cpu") || device.equals("gpu") || device.equals("auto"), "device", "be cpu, gpu or auto", device);
        batchSize = batchSize == null ? 64 : batchSize;
        ConfigException.require(batchSize > 0 && batchSize <= 4096, "batch_size", "be in [1, 4096]", batchSize);
        threads = threads == null ? 0 : threads;
        ConfigException.require(threads >= 0, "threads", "be >= 0 (0 = all cores)", threads);
        ConfigException.require(dataset != null, "dataset", "be given (kind, root, ...)", null);
        concepts = concepts == null ? ConceptsConfig.defaults() : concepts;
        splice = splice == null ? SpliceConfig.defaults() : splice;
        ConfigException.require(output != null, "output", "be the folder for feature sets, caches, models and reports", null);
    }

    /** This config with another SpLiCE l1 penalty (a command-line override). */
    public FeatureConfig withSpliceL1(double l1Penalty) {
        return new FeatureConfig(schema, name, backbone, device, batchSize, threads, dataset, concepts,
                new SpliceConfig(l1Penalty, splice.tolerance()), output);
    }

    /** Model folders and vocabulary files given relative to the config resolve against its folder. */
    @Override
    public FeatureConfig resolvedAgainst(Path baseDir) {
        return new FeatureConfig(schema, name, RelativePaths.resolveIfFile(baseDir, backbone), device, batchSize, threads,
                dataset, resolved(concepts, baseDir), splice, output);
    }

    /** The concepts section with a vocabulary file given relative to the config resolved against {@code baseDir}. */
    public static ConceptsConfig resolved(ConceptsConfig concepts, Path baseDir) {
        return ConceptsConfig.BUILT_IN_VOCABULARIES.contains(concepts.vocabulary()) ? concepts
                : concepts.withVocabulary(RelativePaths.resolveIfFile(baseDir, concepts.vocabulary()));
    }
}
