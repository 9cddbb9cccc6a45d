package org.splicecbm.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.splicecbm.store.AtomicFiles;

/**
 * Stanford Cars (Krause et al., 3dRR 2013) from its official devkit MAT-files: {@code cars_meta.mat}
 * ({@code class_names}, e.g. "Acura RL Sedan 2012"), {@code cars_train_annos.mat} and, when present,
 * {@code cars_test_annos_withlabels.mat} ({@code annotations} structs with {@code fname} and 1-based {@code class});
 * images in {@code cars_train/} and {@code cars_test/}. The model year is the last word of the class name.
 * {@link #writeManifest} turns it into a CSV manifest ({@code path,label,split,year}) for {@code dataset.kind: csv},
 * so {@code splice shift --by year} can follow concepts across model years (SpLiCE paper, Fig. 12).
 */
public final class StanfordCars {
    private StanfordCars() {}

    /** One annotated image. */
    public record Car(String path, String className, String split, String year) {}

    /** Reads the devkit in {@code devkit} against the image folders under {@code imageRoot}. */
    public static List<Car> read(Path devkit, Path imageRoot) throws IOException {
        List<String> classes = classNames(devkit.resolve("cars_meta.mat"));
        List<Car> cars = new ArrayList<>(annotations(devkit.resolve("cars_train_annos.mat"), classes, "cars_train", "train", imageRoot));
        Path test = devkit.resolve("cars_test_annos_withlabels.mat");
        if (Files.isRegularFile(test)) {
            cars.addAll(annotations(test, classes, "cars_test", "test", imageRoot));
        }
        return cars;
    }

    /** Writes the manifest CSV (paths relative to {@code imageRoot}); returns the number of images. */
    public static int writeManifest(Path devkit, Path imageRoot, Path manifest) throws IOException {
        List<Car> cars = read(devkit, imageRoot);
        StringBuilder csv = new StringBuilder("path,label,split,year\n");
        for (Car c : cars) {
            csv.append(c.path()).append(",\"").append(c.className().replace("\"", "\"\"")).append("\",").append(c.split())
                    .append(',').append(c.year()).append('\n');
        }
        AtomicFiles.writeString(manifest, csv.toString());
        return cars.size();
    }

    private static List<String> classNames(Path meta) throws IOException {
        Object names = variable(meta, "class_names");
        if (!(names instanceof List<?> list)) {
            throw new IOException(meta + ": class_names must be a cell array of class names");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(String.valueOf(o).strip());
        }
        return out;
    }

    private static List<Car> annotations(Path file, List<String> classes, String folder, String split, Path imageRoot)
            throws IOException {
        Object value = variable(file, "annotations");
        if (!(value instanceof List<?> list)) {
            throw new IOException(file + ": annotations must be a struct array with fields fname and class");
        }
        List<Car> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> a = (Map<?, ?>) o;
            if (!(a.get("fname") instanceof String fname) || !(a.get("class") instanceof double[] cls) || cls.length != 1) {
                throw new IOException(file + ": every annotation needs fname (text) and class (a number)");
            }
            int label = (int) cls[0];
            if (label < 1 || label > classes.size()) {
                throw new IOException(file + ": " + fname + " has class " + label + ", outside 1.." + classes.size() + " of cars_meta.mat");
            }
            String name = classes.get(label - 1);
            String path = folder + "/" + fname.strip();
            if (!Files.isRegularFile(imageRoot.resolve(path))) {
                throw new IOException("image " + path + " of " + file.getFileName() + " not found under " + imageRoot
                        + "; --images must be the folder holding cars_train/ and cars_test/");
            }
            out.add(new Car(path, name, split, year(name, file)));
        }
        return out;
    }

    private static String year(String className, Path file) throws IOException {
        String last = className.substring(className.lastIndexOf(' ') + 1);
        if (!last.matches("(19|20)\\d\\d")) {
            throw new IOException(file + ": class name '" + className + "' does not end in a model year");
        }
        return last;
    }

    private static Object variable(Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing; --devkit must be the folder of the Stanford Cars devkit (cars_meta.mat, cars_train_annos.mat)");
        }
        Map<String, Object> variables = MatFile.read(file);
        if (!variables.containsKey(name)) {
            throw new IOException(file + ": no variable '" + name + "' (found " + variables.keySet() + ")");
        }
        return variables.get(name);
    }
}
