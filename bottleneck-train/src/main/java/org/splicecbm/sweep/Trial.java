package org.splicecbm.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.probe.PathConfig;
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
        RunConfig config = sweepConfig.withSweep(null)
                .withConcepts(new ConceptsConfig(concepts.vocabulary(), point.vocabularySize(), concepts.imageMean()))
                .withSpliceL1(point.spliceL1())
                .withProbe(sweepConfig.probe().toBuilder().path(path(sweepConfig, point)).build());
        return new Trial(point, config);
    }

    /**
     * The path's penalties: the sweep's {@code probe_l1} list when given, else {@code probe.path}. NEC targets above
     * the point's vocabulary size are left out: a sweep over small and large vocabularies shares one
     * {@code probe.path.nec_targets}, and a target above the concepts of a feature set cannot be met.
     */
    private static PathConfig path(RunConfig sweepConfig, FeaturePoint point) {
        PathConfig path = sweepConfig.probe().path();
        List<Double> penalties = sweepConfig.sweep() != null && sweepConfig.sweep().probeL1() != null
                ? sweepConfig.sweep().probeL1() : path.penalties();
        List<Integer> targets = path.necTargets().stream().filter(t -> t <= point.vocabularySize()).toList();
        return new PathConfig(penalties, path.count(), path.minRatio(), targets);
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
