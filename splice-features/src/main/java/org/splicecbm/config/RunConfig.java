package org.splicecbm.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One experiment from images to a tracked probe (ARCHITECTURE.md): the backbone, the dataset, the
 * SpLiCE concepts and penalty, the probe, tracking, and the output folder. {@code features},
 * {@code decompose-data} and {@code train} each read the parts they need; the resolved config is
 * saved beside every output so a run can be repeated exactly. The optional {@code sweep} section is read
 * only by {@code sweep} (null when absent).
 */
public record RunConfig(Integer schema, String name, String backbone, String device, Integer batchSize,
                        Integer threads, DatasetConfig dataset, ConceptsConfig concepts, SpliceConfig splice,
                        ProbeConfig probe, TrackingConfig tracking, Path output, SweepConfig sweep) implements RelativePaths<RunConfig> {

    /** The config format this build reads. */
    public static final int SCHEMA = 1;

    public RunConfig {
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
        probe = probe == null ? ProbeConfig.defaults() : probe;
        tracking = tracking == null ? TrackingConfig.defaults() : tracking;
        ConfigException.require(output != null, "output", "be the folder for feature sets, caches, models and reports", null);
    }

    /** The MLflow experiment name: {@code tracking.experiment}, else the config's name. */
    public String experimentName() {
        return tracking.experiment() == null ? name : tracking.experiment();
    }

    /** This config with another SpLiCE l1 penalty (a command-line override). */
    public RunConfig withSpliceL1(double l1Penalty) {
        return new RunConfig(schema, name, backbone, device, batchSize, threads, dataset, concepts,
                new SpliceConfig(l1Penalty, splice.tolerance()), probe, tracking, output, sweep);
    }

    /** This config with another probe section (a command-line override). */
    public RunConfig withProbe(ProbeConfig newProbe) {
        return new RunConfig(schema, name, backbone, device, batchSize, threads, dataset, concepts, splice, newProbe,
                tracking, output, sweep);
    }

    /** This config with another concepts section (a sweep over vocabulary sizes). */
    public RunConfig withConcepts(ConceptsConfig newConcepts) {
        return new RunConfig(schema, name, backbone, device, batchSize, threads, dataset, newConcepts, splice, probe,
                tracking, output, sweep);
    }

    /** This config with another sweep section; null drops it (a sweep's trials are plain run configs). */
    public RunConfig withSweep(SweepConfig newSweep) {
        return new RunConfig(schema, name, backbone, device, batchSize, threads, dataset, concepts, splice, probe,
                tracking, output, newSweep);
    }

    /** Model folders, vocabulary files and a local tracking store given relative to the config resolve against its folder. */
    @Override
    public RunConfig resolvedAgainst(Path baseDir) {
        return new RunConfig(schema, name, RelativePaths.resolveIfFile(baseDir, backbone), device, batchSize, threads,
                dataset, concepts.resolvedAgainst(baseDir), splice, probe, tracking.resolvedAgainst(baseDir), output, sweep);
    }
}
