package org.splicecbm.runconfig;

import java.nio.file.Path;
import java.util.Locale;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.config.FeatureConfig;
import org.splicecbm.config.RelativePaths;
import org.splicecbm.data.DatasetConfig;
import org.splicecbm.decompose.SpliceConfig;
import org.splicecbm.probe.ProbeConfig;

/**
 * The whole run config, one YAML file: the feature side ({@link FeatureConfig}, validated there) plus the probe,
 * tracking and sweep sections. One experiment from images to a tracked probe (ARCHITECTURE.md): the backbone, the dataset, the
 * SpLiCE concepts and penalty, the probe, tracking, and the output folder. {@code features},
 * {@code decompose-data} and {@code train} each read the parts they need; the resolved config is
 * saved beside every output so a run can be repeated exactly. The optional {@code sweep} section is read
 * only by {@code sweep} (null when absent).
 */
public record RunConfig(Integer schema, String name, String backbone, String device, Integer batchSize,
                        Integer threads, DatasetConfig dataset, ConceptsConfig concepts, SpliceConfig splice,
                        ProbeConfig probe, TrackingConfig tracking, Path output, SweepConfig sweep) implements RelativePaths<RunConfig> {

    /** The config format this build reads. */
    public static final int SCHEMA = FeatureConfig.SCHEMA;

    public RunConfig {
        FeatureConfig features = new FeatureConfig(schema, name, backbone, device, batchSize, threads, dataset, concepts,
                splice, output);
        device = features.device();
        batchSize = features.batchSize();
        threads = features.threads();
        concepts = features.concepts();
        splice = features.splice();
        probe = probe == null ? ProbeConfig.defaults() : probe;
        tracking = tracking == null ? TrackingConfig.defaults() : tracking;
    }

    /** The feature-side sections, as the feature stage, {@code decompose-data} and the zero-shot study read them. */
    public FeatureConfig features() {
        return new FeatureConfig(schema, name, backbone, device, batchSize, threads, dataset, concepts, splice, output);
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
        FeatureConfig features = features().resolvedAgainst(baseDir);
        return new RunConfig(schema, name, features.backbone(), device, batchSize, threads, dataset, features.concepts(),
                splice, probe, tracking.resolvedAgainst(baseDir), output, sweep);
    }
}
