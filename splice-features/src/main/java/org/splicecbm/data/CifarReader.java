package org.splicecbm.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.data.DatasetConfig.LabelLevel;

/**
 * Lists the samples of extracted CIFAR-10/100 binary batches. Samples are in file order (training
 * files in {@link CifarArchive#trainFiles} order), ids are {@code <file>#<record>} with 0-based
 * record numbers, and pixels are only read when an image is opened. CIFAR-100 uses the fine label
 * (second label byte, {@code fine_label_names.txt}) unless the coarse level is asked for.
 */
final class CifarReader {
    private CifarReader() {}

    /** The folder holding the batch files ({@code root/<directory>} or root itself), or null when absent. */
    static Path locate(Path root, CifarArchive layout) {
        for (Path dir : List.of(root.resolve(layout.directory()), root)) {
            if (Files.isRegularFile(dir.resolve(layout.trainFiles().get(0)))) {
                return dir;
            }
        }
        return null;
    }

    static DatasetContent read(Path dir, CifarArchive layout, LabelLevel level) throws IOException {
        boolean coarse = layout.labelBytes() == 2 && level == LabelLevel.COARSE;
        String namesFile = layout.labelBytes() == 1 ? "batches.meta.txt"
                : coarse ? "coarse_label_names.txt" : "fine_label_names.txt";
        List<String> classes = names(dir.resolve(namesFile));
        int labelByte = layout.labelBytes() == 2 && !coarse ? 1 : 0;
        Map<Split, List<Sample>> splits = new EnumMap<>(Split.class);
        splits.put(Split.TRAIN, samples(dir, layout, layout.trainFiles(), labelByte, classes.size(), namesFile));
        splits.put(Split.TEST, samples(dir, layout, layout.testFiles(), labelByte, classes.size(), namesFile));
        return new DatasetContent(coarse ? layout.name() + "-coarse" : layout.name(), classes, splits);
    }

    private static List<Sample> samples(Path dir, CifarArchive layout, List<String> files, int labelByte,
                                        int classCount, String namesFile) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String name : files) {
            CifarBatchFile batch = new CifarBatchFile(dir.resolve(name), layout);
            int[] labels = labels(batch.path(), layout, labelByte);
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= classCount) {
                    throw new IOException(batch.path() + "#record " + i + ": label " + labels[i] + " but " + namesFile
                            + " lists " + classCount + " classes; the files do not belong together, re-extract the archive");
                }
                samples.add(new Sample(name + "#" + i, labels[i], new CifarRecordSource(batch, i), Map.of()));
            }
        }
        return samples;
    }

    private static int[] labels(Path file, CifarArchive layout, int labelByte) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("CIFAR batch file " + file + " is missing; re-extract " + layout.archiveName());
        }
        long size = Files.size(file);
        if (size == 0 || size % layout.recordBytes() != 0) {
            throw new IOException(file + " has " + size + " bytes, not a positive multiple of the record size "
                    + layout.recordBytes() + "; the file is truncated or from another archive, re-extract "
                    + layout.archiveName());
        }
        int[] labels = new int[(int) (size / layout.recordBytes())];
        byte[] record = new byte[layout.recordBytes()];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            for (int i = 0; i < labels.length; i++) {
                if (in.readNBytes(record, 0, record.length) != record.length) {
                    throw new IOException(file + "#record " + i + ": file ended early; re-extract " + layout.archiveName());
                }
                labels[i] = record[labelByte] & 0xff;
            }
        }
        return labels;
    }

    private static List<String> names(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("CIFAR label names " + file + " are missing; re-extract the archive");
        }
        List<String> names = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IOException(file + " lists no class names; re-extract the archive");
        }
        return names;
    }
}
