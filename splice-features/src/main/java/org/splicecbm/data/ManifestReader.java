package org.splicecbm.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Reads a CSV manifest with header {@code path,label[,split][,group...]}: image paths relative to
 * root, a label that is a class name or a class index, an optional split ({@code train|val|test};
 * without the column every row is a training sample), and any further columns as groups for group
 * metrics. Classes: the explicit list when given ({@code dataset.classes}: labels are names from
 * it or indices into it), else the sorted distinct names, or {@code 0..max} when every label is an
 * integer. Rows keep file order; every error names the manifest, the line and the fix.
 */
final class ManifestReader {
    private ManifestReader() {}

    static DatasetContent read(Path root, Path manifest, List<String> explicitClasses) throws IOException {
        return read(root, manifest, explicitClasses, 0);
    }

    /** As {@link #read(Path, Path, List)}, checking inferred classes with {@link InferredClassCheck} ({@code minClassSamples}). */
    static DatasetContent read(Path root, Path manifest, List<String> explicitClasses, int minClassSamples) throws IOException {
        if (!java.nio.file.Files.isRegularFile(manifest)) {
            throw InvalidArgumentException.invalid("dataset.manifest", "be an existing CSV file (a relative path resolves"
                    + " against dataset.root " + root + ")", "not found: " + manifest);
        }
        CsvTable table = CsvTable.read(manifest);
        int pathCol = table.column("path");
        int labelCol = table.column("label");
        int splitCol = table.header().indexOf("split");
        List<String> classes = explicitClasses.isEmpty() ? inferClasses(table, labelCol) : explicitClasses;
        Map<Split, List<Sample>> splits = new EnumMap<>(Split.class);
        Map<String, Integer> firstLine = new HashMap<>();
        Map<Integer, Integer> firstLineOfClass = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String path = table.field(row, pathCol);
            Path file = checkedFile(table, row, root, path, firstLine);
            int label = label(table, row, table.field(row, labelCol), classes, !explicitClasses.isEmpty());
            firstLineOfClass.putIfAbsent(label, row.line());
            Split split = splitCol < 0 ? Split.TRAIN : split(table, row, table.field(row, splitCol));
            Map<String, String> groups = groups(table, row, pathCol, labelCol, splitCol);
            splits.computeIfAbsent(split, s -> new ArrayList<>())
                    .add(new Sample(path, label, new FileImageSource(file), groups));
        }
        if (explicitClasses.isEmpty()) {
            InferredClassCheck.check(manifest, classes, splits, minClassSamples, firstLineOfClass);
        }
        return new DatasetContent("csv:" + manifest.getFileName(), classes, splits);
    }

    private static Path checkedFile(CsvTable table, CsvTable.Row row, Path root, String path,
                                    Map<String, Integer> firstLine) throws IOException {
        if (path.isEmpty()) {
            throw table.error(row, "empty path; give the image path relative to the dataset root " + root);
        }
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw table.error(row, "the path spans several lines (a quoted field with a line break); remove the break");
        }
        Integer earlier = firstLine.putIfAbsent(path, row.line());
        if (earlier != null) {
            throw table.error(row, "path " + path + " already listed on line " + earlier + "; list each image once");
        }
        // a missing image is reported when it is needed (SourceStamps): a complete embedding cache serves without it
        return root.resolve(path);
    }

    private static List<String> inferClasses(CsvTable table, int labelCol) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        boolean allIntegers = true;
        int max = -1;
        for (CsvTable.Row row : table.rows()) {
            String label = table.field(row, labelCol);
            if (label.isEmpty()) {
                throw table.error(row, "empty label; give a class name or a class index");
            }
            names.add(label);
            Integer index = parseIndex(label);
            allIntegers &= index != null;
            max = index == null ? max : Math.max(max, index);
        }
        if (!allIntegers) {
            return List.copyOf(names);
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            numbered.add(Integer.toString(i));
        }
        return numbered;
    }

    private static int label(CsvTable table, CsvTable.Row row, String text, List<String> classes,
                             boolean explicit) throws IOException {
        int byName = classes.indexOf(text);
        if (byName >= 0) {
            return byName;
        }
        Integer index = parseIndex(text);
        if (index != null && index < classes.size()) {
            return index;
        }
        String fix = explicit ? "use a name from dataset.classes " + classes + " or an index 0.." + (classes.size() - 1)
                + ", or add the class to dataset.classes"
                : "use a non-negative class index or a class name";
        throw table.error(row, "label '" + text + "' is not a class; " + fix);
    }

    private static Split split(CsvTable table, CsvTable.Row row, String text) throws IOException {
        try {
            return Split.parse(text);
        } catch (IllegalArgumentException e) {
            throw table.error(row, "split '" + text + "' is not one of train, val, test; fix the value");
        }
    }

    private static Map<String, String> groups(CsvTable table, CsvTable.Row row, int... skip) throws IOException {
        Map<String, String> groups = new LinkedHashMap<>();
        for (int c = 0; c < table.header().size(); c++) {
            if (c != skip[0] && c != skip[1] && c != skip[2]) {
                groups.put(table.header().get(c), table.field(row, c));
            }
        }
        return groups;
    }

    private static Integer parseIndex(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
