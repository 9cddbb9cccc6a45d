package org.splicecbm.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;

/**
 * What every tracked run records about where it came from: the resolved config flattened to
 * dotted params ({@code splice.l1_penalty}), and tags for the backbone, vocabulary, dataset, the git
 * commit of the working tree and the versions of the engines.
 */
public final class RunProvenance {
    /** MLflow's limit on a param value. */
    private static final int MAX_PARAM_LENGTH = 6000;

    private RunProvenance() {}

    /** The config as {@code section.key -> value} strings (lists joined with commas). */
    public static Map<String, String> params(RunConfig config) {
        try {
            JsonNode tree = new ObjectMapper().readTree(new YAMLMapper().readTree(ConfigLoader.toYaml(config)).toString());
            Map<String, String> out = new LinkedHashMap<>();
            flatten("", tree, out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("config could not be flattened: " + e.getMessage(), e);
        }
    }

    /** Tags: backbone, vocabulary, dataset, git commit, versions. */
    public static Map<String, String> tags(RunConfig config) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("splice.backbone", config.backbone());
        tags.put("splice.vocabulary", config.concepts().vocabulary() + ":" + config.concepts().size());
        tags.put("splice.dataset", config.dataset().kind().key());
        tags.put("mlflow.source.git.commit", gitCommit(config.output()));
        tags.put("splice.version", version());
        tags.put("splice.java", System.getProperty("java.version"));
        tags.put("splice.engines", "DJL 0.36.0 / PyTorch 2.7.1; DL4J 1.0.0-M2.1");
        return tags;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(v -> joined.append(joined.length() == 0 ? "" : ",").append(v.asText()));
            out.put(prefix, truncate(joined.toString()));
        } else if (!node.isNull()) {
            out.put(prefix, truncate(node.asText()));
        }
    }

    private static String truncate(String value) {
        return value.length() <= MAX_PARAM_LENGTH ? value : value.substring(0, MAX_PARAM_LENGTH);
    }

    private static String version() {
        String v = RunProvenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The commit of the git work tree around {@code dir} (or the current folder); "unknown" outside git. */
    static String gitCommit(Path dir) {
        for (Path start : new Path[] {dir, Path.of("").toAbsolutePath()}) {
            Path existing = start.toAbsolutePath();
            while (existing != null && !existing.toFile().isDirectory()) {
                existing = existing.getParent();
            }
            if (existing == null) {
                continue;
            }
            try {
                Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(existing.toFile())
                        .redirectErrorStream(true).start();
                String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                    return out;
                }
            } catch (IOException e) {
                return "unknown";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }
        return "unknown";
    }
}
