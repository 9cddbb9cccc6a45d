package org.splicecbm.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A SpLiCE concept-feature set as the directory format of ARCHITECTURE.md: {@code features.npz}
 * (CSR, SciPy {@code save_npz} layout, one row per image, one column per concept), {@code labels.npy}
 * (int64), {@code concepts.txt} (column names in column order), {@code classes.txt} (class names by label, when
 * known; the same list as {@code meta.json}'s {@code classes}) and {@code meta.json}
 * ({@link FeatureSetMeta}). {@link #write} is atomic as a whole; {@link #read} validates that the
 * parts agree.
 */
public record FeatureSet(CsrMatrix features, long[] labels, List<String> concepts, FeatureSetMeta meta) {
    public static final String FEATURES = "features.npz";
    public static final String LABELS = "labels.npy";
    public static final String CONCEPTS = "concepts.txt";
    public static final String META = "meta.json";
    public static final String CLASSES = "classes.txt";

    public FeatureSet {
        concepts = List.copyOf(concepts);
        if (labels.length != features.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + features.rows() + " feature rows");
        }
        if (concepts.size() != features.cols()) {
            throw new IllegalArgumentException(concepts.size() + " concept names for " + features.cols() + " columns");
        }
        if (meta.rows() != features.rows()) {
            throw new IllegalArgumentException("meta says " + meta.rows() + " rows, features have " + features.rows());
        }
        for (String c : concepts) {
            if (c.contains("\n") || c.contains("\r")) {
                throw new IllegalArgumentException("concept names must be single lines, found '" + c + "'");
            }
        }
        for (String c : meta.classes()) {
            if (c.contains("\n") || c.contains("\r")) {
                throw new IllegalArgumentException("class names must be single lines, found '" + c + "'");
            }
        }
        for (long label : labels) {
            if (!meta.classes().isEmpty() && (label < 0 || label >= meta.classes().size())) {
                throw new IllegalArgumentException("label " + label + " has no class name (" + meta.classes().size() + " classes)");
            }
        }
    }

    /** Writes the four files into {@code dir} as one unit (see {@link AtomicDirectory}). */
    public void write(Path dir) throws IOException {
        AtomicDirectory.write(dir, tmp -> {
            CsrNpz.write(tmp.resolve(FEATURES), features);
            Npy.writeInt64(tmp.resolve(LABELS), labels);
            AtomicFiles.writeString(tmp.resolve(CONCEPTS), concepts.isEmpty() ? "" : String.join("\n", concepts) + "\n");
            if (!meta.classes().isEmpty()) {
                AtomicFiles.writeString(tmp.resolve(CLASSES), String.join("\n", meta.classes()) + "\n");
            }
            StoreJson.write(tmp.resolve(META), meta);
        });
    }

    /** Reads and validates a feature-set directory; errors name the offending file. */
    public static FeatureSet read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no feature-set directory (expected " + FEATURES + ", " + LABELS + ", "
                    + CONCEPTS + ", " + META + ")");
        }
        CsrMatrix features = CsrNpz.read(dir.resolve(FEATURES));
        NpyArray labelArray = Npy.read(dir.resolve(LABELS));
        if (!labelArray.header().descr().equals("<i8")) {
            throw new IOException(dir.resolve(LABELS) + ": labels must be int64 (<i8), found '"
                    + labelArray.header().descr() + "'");
        }
        long[] labels = labelArray.toLongVector();
        requireEqual(dir.resolve(LABELS), "labels", labels.length, features.rows());
        List<String> concepts = readLines(dir.resolve(CONCEPTS));
        requireEqual(dir.resolve(CONCEPTS), "concept names", concepts.size(), features.cols());
        FeatureSetMeta meta = FeatureSetMeta.read(dir);
        requireEqual(dir.resolve(META), "rows", meta.rows(), features.rows());
        if (Files.exists(dir.resolve(CLASSES)) && !readLines(dir.resolve(CLASSES)).equals(meta.classes())) {
            throw new IOException(dir.resolve(CLASSES) + ": does not list the classes of " + META + " " + meta.classes());
        }
        return new FeatureSet(features, labels, concepts, meta);
    }

    /** Lines of a UTF-8 text file without the final newline. */
    static List<String> readLines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of((text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1));
    }

    private static void requireEqual(Path file, String what, long found, long expected) throws IOException {
        if (found != expected) {
            throw new IOException(file + ": has " + found + " " + what + " but features.npz has "
                    + expected + (what.equals("concept names") ? " columns" : " rows"));
        }
    }
}
