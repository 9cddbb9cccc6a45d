package org.splicecbm.runconfig;

import org.splicecbm.config.ConfigException;
import org.splicecbm.config.ConfigPathDeserializer;

/**
 * Where runs are recorded: {@code uri} is an MLflow server ({@code http(s)://host:port}) or a folder
 * for a local MLflow file store (default {@code ./mlruns}, relative to the config file's folder);
 * {@code experiment} defaults to the config's name. With a server, runs are also kept in a local mirror;
 * when the server fails, the command fails after the run is stored there, unless {@code best_effort}
 * is true (then a warning says where the run is, and the command succeeds).
 */
public record TrackingConfig(String uri, String experiment, Boolean bestEffort) {
    public TrackingConfig {
        bestEffort = Boolean.TRUE.equals(bestEffort);
        if (uri == null || uri.isBlank()) {
            uri = "mlruns";
        }
        ConfigException.require(!uri.contains("\n"), "tracking.uri", "be a single line", uri);
        ConfigException.require(experiment == null || !experiment.isBlank(), "tracking.experiment", "be non-empty when given", "''");
    }

    /** Defaults: a local store at {@code mlruns}, experiment named after the run config. */
    public static TrackingConfig defaults() {
        return new TrackingConfig(null, null, false);
    }

    /** A local store given as a relative or {@code ~} path resolves against {@code baseDir}; server and file: URIs stay as they are. */
    public TrackingConfig resolvedAgainst(java.nio.file.Path baseDir) {
        if (isServer() || uri.startsWith("file:")) {
            return this;
        }
        return new TrackingConfig(ConfigPathDeserializer.resolve(baseDir, uri).toString(), experiment, bestEffort);
    }

    /** True when runs go to an MLflow server. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isServer() {
        return uri.startsWith("http://") || uri.startsWith("https://");
    }
}
