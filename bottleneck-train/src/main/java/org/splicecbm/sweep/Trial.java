package org.splicecbm.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.splicecbm.config.ConceptsConfig;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.config.RunConfig;

/**
 * A planned trial: its point and the plain run config it trains with (the sweep's config with the
 * point's overrides and without the {@code sweep:} section, so {@code splice train} can repeat it).
 */
public record Trial(TrialParams params, RunConfig config) {

    /** The trial of {@code params} on the sweep's base config. */
    public static Trial of(RunConfig sweepConfig, TrialParams params) {
        ConceptsConfig concepts = sweepConfig.concepts();
        RunConfig config = sweepConfig.withSweep(null)
                .withConcepts(new ConceptsConfig(concepts.vocabulary(), params.vocabularySize(), concepts.imageMean()))
                .withSpliceL1(params.spliceL1())
                .withProbe(sweepConfig.probe().withL1(params.probeL1()));
        return new Trial(params, config);
    }

    /** SHA-256 of the resolved config: any change to data, backbone, probe settings... makes a stored result stale. */
    public String fingerprint() {
        try {
            byte[] yaml = ConfigLoader.toYaml(config).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
