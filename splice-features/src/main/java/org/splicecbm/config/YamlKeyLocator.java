package org.splicecbm.config;

import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Finds the line of a dotted key ({@code dataset.val.fraction}) in a YAML document, so config errors
 * point at the line a user must edit (Jackson's own locations point where its parser stopped, which
 * for records is the end of the enclosing block).
 */
final class YamlKeyLocator {
    private YamlKeyLocator() {}

    /** 1-based line of the deepest key of {@code dottedKey} present in {@code yaml}, or -1 if none is. */
    static int line(String yaml, String dottedKey) {
        return find(yaml, dottedKey).line();
    }

    /**
     * How the value of {@code dottedKey} is written, for messages: {@code "lots" (text)} for a quoted scalar, the
     * scalar itself otherwise, {@code a list} or {@code a section}; null when the key is not in {@code yaml}.
     */
    static String writtenValue(String yaml, String dottedKey) {
        Found found = find(yaml, dottedKey);
        if (!found.complete() || found.node() == null) {
            return null;
        }
        if (found.node() instanceof ScalarNode scalar) {
            boolean quoted = scalar.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
            return quoted ? "\"" + scalar.getValue() + "\" (quoted, so text)" : scalar.getValue();
        }
        return found.node() instanceof MappingNode ? "a section" : "a list";
    }

    private record Found(int line, Node node, boolean complete) {}

    private static Found find(String yaml, String dottedKey) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException malformed) {
            return new Found(-1, null, false);
        }
        int line = -1;
        for (String key : dottedKey.replaceAll("\\[\\d+]", "").split("\\.")) {
            if (!(node instanceof MappingNode mapping)) {
                return new Found(line, null, false);
            }
            NodeTuple match = null;
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                    match = tuple;
                }
            }
            if (match == null) {
                return new Found(line, null, false);
            }
            line = match.getKeyNode().getStartMark().getLine() + 1;
            node = match.getValueNode();
        }
        return new Found(line, node, line > 0);
    }
}
