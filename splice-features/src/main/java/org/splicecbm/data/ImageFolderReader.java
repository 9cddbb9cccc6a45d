package org.splicecbm.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code root/<class>/<image>} (torchvision's ImageFolder layout), or
 * {@code root/<split>/<class>/<image>} when every visible subfolder of root is a split name
 * ({@code train}, {@code val}/{@code valid}/{@code validation}, {@code test}) and {@code train} is one
 * of them. Classes are the class folders sorted by name (code-point order; in the split layout,
 * those of {@code train}); images are found recursively and sorted by relative path; extensions
 * jpg, jpeg, png, bmp, gif in any case; hidden files and folders (leading dot) are ignored. Sample
 * ids are paths relative to root with {@code /} separators. Without split folders every image is a
 * training sample.
 */
final class ImageFolderReader {
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");
    private static final Set<String> SPLIT_DIRS = Set.of("train", "val", "valid", "validation", "test");

    private ImageFolderReader() {}

    static DatasetContent read(Path root) throws IOException {
        List<Path> top = visibleDirectories(root);
        String name = "imagefolder:" + root.getFileName();
        boolean splitLayout = top.stream().anyMatch(p -> name(p).equals("train"))
                && top.stream().allMatch(p -> SPLIT_DIRS.contains(name(p)));
        if (!splitLayout) {
            List<String> classes = classNames(root, top);
            return new DatasetContent(name, classes, Map.of(Split.TRAIN, readSplit(root, root, classes)));
        }
        List<String> classes = classNames(root.resolve("train"), visibleDirectories(root.resolve("train")));
        Map<Split, List<Sample>> splits = new EnumMap<>(Split.class);
        for (Path dir : top) {
            Split split = Split.parse(name(dir));
            if (splits.containsKey(split)) {
                throw new IOException(root + " has two folders for the " + split.key()
                        + " split; keep one of val, valid, validation");
            }
            splits.put(split, readSplit(root, dir, classes));
        }
        return new DatasetContent(name, classes, splits);
    }

    private static List<String> classNames(Path dir, List<Path> classDirs) throws IOException {
        if (classDirs.isEmpty()) {
            throw new IOException(dir + " has no class folders; an image folder dataset needs root/<class>/<image>"
                    + " (or root/train/<class>/<image>)");
        }
        return classDirs.stream().map(ImageFolderReader::name).toList();
    }

    private static List<Sample> readSplit(Path root, Path splitDir, List<String> classes) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Path classDir : visibleDirectories(splitDir)) {
            int label = classes.indexOf(name(classDir));
            if (label < 0) {
                throw new IOException("class folder " + classDir + " is not a class of " + root.resolve("train")
                        + " (classes " + classes + "); add it there or remove it");
            }
            List<Path> images = images(classDir);
            if (images.isEmpty()) {
                throw new IOException("class folder " + classDir + " contains no images (" + EXTENSIONS
                        + "); add images or remove the folder");
            }
            for (Path image : images) {
                samples.add(new Sample(relativeId(root, image), label, new FileImageSource(image), Map.of()));
            }
        }
        return samples;
    }

    private static List<Path> images(Path classDir) throws IOException {
        try (Stream<Path> walk = Files.walk(classDir)) {
            return walk.filter(p -> !isHidden(classDir.relativize(p)) && Files.isRegularFile(p) && isImage(p))
                    .sorted((a, b) -> relativeId(classDir, a).compareTo(relativeId(classDir, b)))
                    .toList();
        }
    }

    static List<Path> visibleDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("dataset folder " + dir + " does not exist or is not a folder; check dataset.root");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !name(p).startsWith(".") && Files.isDirectory(p))
                    .sorted((a, b) -> name(a).compareTo(name(b)))
                    .toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isImage(Path p) {
        String n = name(p);
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String relativeId(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
