package org.splicecbm.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Reads CelebA (Liu et al., 2015) with one attribute as a binary label: {@code list_attr_celeba.txt}
 * (line 1 the image count, line 2 the 40 attribute names, then {@code <file> ±1 ...}),
 * {@code list_eval_partition.txt} ({@code <file> 0|1|2} = train/val/test, the official partition;
 * SpLiCE's own script swaps train and test, we do not) and the images in {@code img_align_celeba/}.
 * The text files may sit in root or in its {@code Anno/} and {@code Eval/} folders. Classes are
 * {@code not <attribute>} (label 0, value -1) and {@code <attribute>} (label 1, value +1). An
 * optional group attribute adds the groups {@code <name>} and {@code group} ({@code <class>/<value>}).
 */
final class CelebAReader {
    private static final List<Split> SPLITS = List.of(Split.TRAIN, Split.VAL, Split.TEST);

    private CelebAReader() {}

    static DatasetContent read(Path root, String attribute, String groupAttribute) throws IOException {
        Path attrFile = locate(root, "list_attr_celeba.txt", "Anno");
        Map<String, Split> partition = readPartition(locate(root, "list_eval_partition.txt", "Eval"));
        Path images = root.resolve("img_align_celeba");
        List<String> classes = List.of("not " + attribute, attribute);
        Map<Split, List<Sample>> splits = new EnumMap<>(Split.class);
        try (BufferedReader in = Files.newBufferedReader(attrFile, StandardCharsets.UTF_8)) {
            int declared = count(attrFile, in.readLine());
            List<String> names = Arrays.asList(tokens(in.readLine()));
            int labelCol = column(names, attribute, "dataset.attribute");
            int groupCol = groupAttribute == null ? -1 : column(names, groupAttribute, "dataset.group_attribute");
            int lineNo = 2;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] t = tokens(line);
                String where = attrFile + ":" + lineNo + ": ";
                if (t.length != names.size() + 1) {
                    throw new IOException(where + "expected a file name and " + names.size() + " values, found "
                            + t.length + " fields");
                }
                Split split = partition.get(t[0]);
                if (split == null) {
                    throw new IOException(where + t[0] + " has no entry in list_eval_partition.txt; use matching files");
                }
                for (int v = 1; v < t.length; v++) {
                    sign(t[v], where + names.get(v - 1) + ": ");
                }
                int label = sign(t[labelCol + 1], where) > 0 ? 1 : 0;
                Map<String, String> groups = groupCol < 0 ? Map.of()
                        : groups(groupAttribute, sign(t[groupCol + 1], where), classes.get(label));
                Path image = images.resolve(t[0]);
                splits.computeIfAbsent(split, s -> new ArrayList<>())
                        .add(new Sample(t[0], label, new FileImageSource(image), groups));
            }
            int found = splits.values().stream().mapToInt(List::size).sum();
            if (found != declared) {
                throw new IOException(attrFile + ":1: declares " + declared + " images but lists " + found
                        + "; the file is truncated or edited, re-extract it");
            }
        }
        return new DatasetContent("celeba:" + attribute, classes, splits);
    }

    private static Map<String, String> groups(String attribute, int sign, String labelClass) {
        String value = sign > 0 ? attribute : "not " + attribute;
        return Map.of(attribute, value, "group", labelClass + "/" + value);
    }

    private static Map<String, Split> readPartition(Path file) throws IOException {
        Map<String, Split> partition = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] t = tokens(lines.get(i));
            if (t.length == 0) {
                continue;
            }
            if (t.length != 2 || !t[1].matches("[012]")) {
                throw new IOException(file + ":" + (i + 1) + ": expected '<image> 0|1|2' (train/val/test), found '"
                        + lines.get(i).trim() + "'");
            }
            partition.put(t[0], SPLITS.get(Integer.parseInt(t[1])));
        }
        return partition;
    }

    private static int column(List<String> names, String attribute, String key) {
        int i = names.indexOf(attribute);
        InvalidArgumentException.require(i >= 0, key, "be a CelebA attribute, one of " + names, attribute);
        return i;
    }

    private static int sign(String text, String where) throws IOException {
        return switch (text) {
            case "1" -> 1;
            case "-1" -> -1;
            default -> throw new IOException(where + "attribute values must be 1 or -1, found '" + text + "'");
        };
    }

    private static int count(Path file, String line) throws IOException {
        try {
            return Integer.parseInt(line == null ? "" : line.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + ":1: expected the image count, found '" + line + "'; is this list_attr_celeba.txt?");
        }
    }

    private static Path locate(Path root, String name, String folder) throws IOException {
        for (Path candidate : List.of(root.resolve(name), root.resolve(folder).resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException("CelebA file " + name + " not found in " + root + " or " + root.resolve(folder)
                + "; dataset.root must be the CelebA folder (with img_align_celeba/)");
    }

    private static String[] tokens(String line) {
        String trimmed = line == null ? "" : line.trim();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }
}
