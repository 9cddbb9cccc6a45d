package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.analysis.SciPy;
import org.splicecbm.data.MatFile;

/**
 * The Stanford Cars devkit layout written by {@code scipy.io.savemat} (compressed and not, the structures of
 * {@code cars_meta.mat} and {@code cars_*_annos.mat}), read by {@link MatFile} and turned into a manifest by
 * {@code splice cars-manifest} in its own JVM; a class outside {@code class_names} is a clear error.
 */
class CarsManifestCommandTest {
    @TempDir
    Path dir;

    private static final String DEVKIT = """
            import sys, numpy as np
            from scipy.io import savemat
            d = sys.stdin.read().strip()
            names = np.empty((1, 3), dtype=object)
            names[0, :] = ["AM General Hummer SUV 2000", "Acura RL Sedan 2012", "smart fortwo Convertible 2012"]
            savemat(d + "/cars_meta.mat", {"class_names": names}, do_compression=False)
            def annos(rows, compress, file):
                dt = [("bbox_x1", "O"), ("bbox_y1", "O"), ("bbox_x2", "O"), ("bbox_y2", "O"), ("class", "O"), ("fname", "O")]
                a = np.zeros((1, len(rows)), dtype=dt)
                for i, (cls, fname) in enumerate(rows):
                    a[0, i] = (np.array([[39]], np.uint8), np.array([[116]], np.uint8), np.array([[569]], np.uint16),
                               np.array([[375]], np.uint16), np.array([[cls]], np.uint8), np.array([fname]))
                savemat(d + "/" + file, {"annotations": a}, do_compression=compress)
            annos([(1, "00001.jpg"), (3, "00002.jpg"), (2, "00003.jpg")], True, "cars_train_annos.mat")
            annos([(3, "00001.jpg"), (200, "00002.jpg")], False, "bad_annos.mat")
            annos([(2, "00001.jpg")], False, "cars_test_annos_withlabels.mat")
            """;

    @Test
    void devkitMatFilesBecomeAManifestWithModelYears() throws Exception {
        SciPy.require();
        Path devkit = Files.createDirectories(dir.resolve("devkit"));
        SciPy.run(DEVKIT, devkit.toString());
        Path images = dir.resolve("images");
        for (String f : List.of("cars_train/00001.jpg", "cars_train/00002.jpg", "cars_train/00003.jpg", "cars_test/00001.jpg")) {
            Files.createDirectories(images.resolve(f).getParent());
            Files.write(images.resolve(f), new byte[] {1});
        }
        Map<String, Object> meta = MatFile.read(devkit.resolve("cars_meta.mat"));
        assertEquals(List.of("AM General Hummer SUV 2000", "Acura RL Sedan 2012", "smart fortwo Convertible 2012"), meta.get("class_names"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> annos = (List<Map<String, Object>>) MatFile.read(devkit.resolve("cars_train_annos.mat")).get("annotations");
        assertEquals(3, annos.size());
        assertArrayEquals(new double[] {569}, (double[]) annos.get(0).get("bbox_x2"));
        assertEquals("00002.jpg", annos.get(1).get("fname"));

        CliProcess splice = new CliProcess(dir, Map.of());
        Path manifest = dir.resolve("cars.csv");
        CliProcess.Result r = splice.run("cars-manifest", "--devkit", devkit.toString(), "--images", images.toString(), "--out", manifest.toString());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of("path,label,split,year",
                "cars_train/00001.jpg,\"AM General Hummer SUV 2000\",train,2000",
                "cars_train/00002.jpg,\"smart fortwo Convertible 2012\",train,2012",
                "cars_train/00003.jpg,\"Acura RL Sedan 2012\",train,2012",
                "cars_test/00001.jpg,\"Acura RL Sedan 2012\",test,2012"), Files.readAllLines(manifest));

        Files.move(devkit.resolve("bad_annos.mat"), devkit.resolve("cars_train_annos.mat"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path never = dir.resolve("never.csv");
        CliProcess.Result bad = splice.run("cars-manifest", "--devkit", devkit.toString(), "--images", images.toString(), "--out", never.toString());
        assertEquals(1, bad.exitCode(), bad.all());
        assertTrue(bad.stderr().contains("00002.jpg has class 200, outside 1..3 of cars_meta.mat"), bad.stderr());
        assertFalse(Files.exists(never));
    }
}
