package org.splicecbm.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.probe.PathConfig;
import org.splicecbm.probe.ProbeConfig;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.store.Sha256;

/**
 * A planned path of a sweep: its feature point and the plain run config it runs with (the sweep's config
 * with the point's vocabulary size and SpLiCE l1, the sweep's {@code probe_l1} list as {@code probe.path.penalties}
 * when given, and without the {@code sweep:} section, so {@code splice path} can repeat it).
 */
public record Trial(FeaturePoint point, RunConfig config) {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The path of {@code point} on the sweep's base config. */
    public static Trial of(RunConfig sweepConfig, FeaturePoint point) {
        ConceptsConfig concepts = sweepConfig.concepts();
        ProbeConfig probe = sweepConfig.probe();
        if (sweepConfig.sweep() != null && sweepConfig.sweep().probeL1() != null) {
            PathConfig path = probe.path();
            probe = probe.toBuilder().path(new PathConfig(sweepConfig.sweep().probeL1(), path.count(), path.minRatio(),
                    path.necTargets())).build();
        }
        RunConfig config = sweepConfig.withSweep(null)
                .withConcepts(new ConceptsConfig(concepts.vocabulary(), point.vocabularySize(), concepts.imageMean()))
                .withSpliceL1(point.spliceL1())
                .withProbe(probe);
        return new Trial(point, config);
    }

    /** The run config of one path point, as {@code splice train} would train it. */
    public RunConfig configAt(double probeL1) {
        return config.withProbe(config.probe().withL1(probeL1));
    }

    /** {@link #fingerprint(RunConfig)} of this path's config. */
    public String fingerprint() {
        return fingerprint(config);
    }

    /**
     * SHA-256 of a resolved config without its {@code tracking} section: any change to data, backbone,
     * concepts, probe settings... makes a stored result stale, but recording runs elsewhere does not.
     */
    public static String fingerprint(RunConfig config) {
        try {
            ObjectNode tree = (ObjectNode) YAML.readTree(ConfigLoader.toYaml(config));
            tree.remove("tracking");
            byte[] canonical = tree.toString().getBytes(StandardCharsets.UTF_8);
            return Sha256.hex(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the trial config could not be re-read as YAML: " + e.getOriginalMessage(), e);
        }
    }
}
