package org.splicecbm.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * The config errors Jackson and SnakeYAML word in their own terms, said plainly: an empty file, a TAB used for
 * indentation (YAML allows only spaces), and a value of the wrong type ({@code key: must be a whole number, found
 * "lots"}) instead of Jackson's coercion text.
 */
final class YamlProblems {
    private YamlProblems() {}

    /** True when the text holds no YAML content (empty, blank or only comments). */
    static boolean isEmpty(String text) {
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"));
    }

    static ConfigException empty(Path file) {
        return new ConfigException("config", file.toString(), "the file is empty (or only comments); a config needs at least"
                + " schema, name, backbone, dataset and output (start from one in configs/)");
    }

    /** The error for a TAB in the indentation of some line, or null when the parse failed for another reason. */
    static ConfigException tab(Path file, String text, JsonProcessingException e) {
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().contains("(TAB)")) {
            return null;
        }
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            if (indent.indexOf('\t') >= 0) {
                return new ConfigException("config", file + ":" + lineNumber, "a TAB character indents this line;"
                        + " YAML allows only spaces for indentation: replace the TAB with spaces");
            }
        }
        return new ConfigException("config", file.toString(), "a TAB character where YAML expects spaces: replace it with spaces");
    }

    /** {@code must be <type>, found <value>} for a value of the wrong type, or null when {@code e} is not one. */
    static String wrongType(JsonProcessingException e, String text, String key) {
        if (!(e instanceof MismatchedInputException m) || m.getTargetType() == null || e.getOriginalMessage() == null
                || !(e.getOriginalMessage().startsWith("Cannot coerce") || e.getOriginalMessage().startsWith("Cannot deserialize"))) {
            return null;
        }
        String written = YamlKeyLocator.writtenValue(text, key);
        String found = written == null ? "a value of another type"
                : written + (written.startsWith("\"") && looksNumeric(written.substring(1, written.indexOf('"', 1))) ? "; remove the quotes" : "");
        return "must be " + expected(m.getTargetType()) + ", found " + found;
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Path.class) {
            return type == Path.class ? "a path" : "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a section (indented key: value lines)";
        }
        return "a " + type.getSimpleName();
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false");
        }
    }
}
