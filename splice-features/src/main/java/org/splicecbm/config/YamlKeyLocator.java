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
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException malformed) {
            return -1;
        }
        int line = -1;
        for (String key : dottedKey.replaceAll("\\[\\d+]", "").split("\\.")) {
            if (!(node instanceof MappingNode mapping)) {
                break;
            }
            NodeTuple match = null;
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                    match = tuple;
                }
            }
            if (match == null) {
                break;
            }
            line = match.getKeyNode().getStartMark().getLine() + 1;
            node = match.getValueNode();
        }
        return line;
    }
}
