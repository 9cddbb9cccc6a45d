package org.splicecbm.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.hub.FakeHubServer;

/**
 * A user embeds a CSV-manifest dataset once, archives the images, and runs {@code features} again with
 * another l1: the complete embedding cache serves it (one warning, no image needed); with the images
 * back and one of them replaced, the cache is rebuilt.
 */
class ArchivedImagesEndToEndTest {

    @Test
    void featuresRunWithTheImagesMovedAwayUsesTheCacheAndAChangedImageRebuildsIt(@TempDir Path dir) throws Exception {
        try (FakeHubServer hub = TinyWorld.hub(dir)) {
            CliProcess splice = TinyWorld.cli(dir, hub);
            Path images = TinyWorld.images(dir.resolve("images"), 8);
            String rows;
            try (Stream<Path> files = Files.walk(images)) {
                rows = files.filter(f -> f.toString().endsWith(".png")).sorted()
                        .map(f -> images.relativize(f) + "," + f.getParent().getFileName()).collect(Collectors.joining("\n"));
            }
            Files.writeString(images.resolve("manifest.csv"), "path,label\n" + rows + "\n");
            String yaml = TinyWorld.config("hf:" + TinyWorld.REPO, images, TinyWorld.vocabulary(dir.resolve("words.txt")), 0.1)
                    .replace("kind: imagefolder", "kind: csv\n  manifest: " + images.resolve("manifest.csv"));
            Path config = Files.writeString(dir.resolve("run.yaml"), yaml);
            CliProcess.Result first = splice.run("features", "--config", config.toString());
            assertEquals(0, first.exitCode(), first.all());

            // the images (not the manifest) are archived
            Path archive = Files.createDirectories(dir.resolve("archive"));
            for (String cls : org.splicecbm.testing.DrawnShapes.CLASSES) {
                Files.move(images.resolve(cls), archive.resolve(cls));
            }
            CliProcess.Result later = splice.run("features", "--config", config.toString(), "--l1", "0.3");
            assertEquals(0, later.exitCode(), later.all());
            assertEquals(1, later.stderr().split("warning: images not on disk", -1).length - 1, "one warning: " + later.stderr());
            assertTrue(Files.isDirectory(dir.resolve("out/features/words.txt-" + TinyWorld.WORDS.size() + "-l1_0.3/train")));

            try (Stream<Path> moved = Files.list(archive)) {
                for (Path cls : moved.toList()) {
                    Files.move(cls, images.resolve(cls.getFileName()));
                }
            }
            java.util.List<Path> pngs;
            try (Stream<Path> files = Files.walk(images)) {
                pngs = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
            }
            Path replaced = pngs.get(0);
            Files.copy(pngs.get(pngs.size() - 1), replaced, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(replaced, java.nio.file.attribute.FileTime.fromMillis(1_000));
            CliProcess.Result rebuilt = splice.run("features", "--config", config.toString(), "--l1", "0.3");
            assertEquals(0, rebuilt.exitCode(), rebuilt.all());
            assertTrue(rebuilt.stderr().contains("is out of date") && rebuilt.stderr().contains(replaced.toString()), rebuilt.stderr());
        }
    }
}
