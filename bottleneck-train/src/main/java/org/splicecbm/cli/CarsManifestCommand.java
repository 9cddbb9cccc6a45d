package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.splicecbm.data.StanfordCars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code splice cars-manifest}: the Stanford Cars devkit as a CSV manifest with a model-year column (for {@code shift --by year}). */
@Command(name = "cars-manifest", mixinStandardHelpOptions = true,
        description = "Write a CSV manifest (path,label,split,year) from the Stanford Cars devkit MAT-files.")
final class CarsManifestCommand implements Callable<Integer> {
    @Option(names = "--devkit", required = true, description = "folder with cars_meta.mat and cars_train_annos.mat")
    Path devkit;

    @Option(names = "--images", required = true, description = "folder holding cars_train/ (and cars_test/)")
    Path images;

    @Option(names = "--out", required = true, description = "manifest CSV to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        int n = StanfordCars.writeManifest(devkit, images, out);
        System.out.println("manifest: " + out + " (" + n + " images, year from the class name)");
        return 0;
    }
}
