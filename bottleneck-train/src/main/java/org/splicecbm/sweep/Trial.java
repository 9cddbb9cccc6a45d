package org.splicecbm.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.store.Sha256;

/**
 * A planned trial: its point and the plain run config it trains with (the sweep's config with the
 * point's overrides and without the {@code sweep:} section, so {@code splice train} can repeat it).
 */
public record Trial(TrialParams params, RunConfig config) {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The trial of {@code params} on the sweep's base config. */
    public static Trial of(RunConfig sweepConfig, TrialParams params) {
        ConceptsConfig concepts = sweepConfig.concepts();
        RunConfig config = sweepConfig.withSweep(null)
                .withConcepts(new ConceptsConfig(concepts.vocabulary(), params.vocabularySize(), concepts.imageMean()))
                .withSpliceL1(params.spliceL1())
                .withProbe(sweepConfig.probe().withL1(params.probeL1()));
        return new Trial(params, config);
    }

    /**
     * SHA-256 of the resolved config without its {@code tracking} section: any change to data, backbone,
     * concepts, probe settings... makes a stored result stale, but recording runs elsewhere does not.
     */
    public String fingerprint() {
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
