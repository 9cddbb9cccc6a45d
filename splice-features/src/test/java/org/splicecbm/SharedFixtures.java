
package org.splicecbm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test fixtures that ship inside the repository and are shared by both modules' tests: SpLiCE's published
 * vocabularies and image means ({@code splice-features/src/test/resources/splice-data}, Apache-2.0, see the
 * NOTICE there). Nothing outside the clone is read, so a fresh clone passes its tests anywhere.
 */
public final class SharedFixtures {
    private static final String SPLICE_DATA = "splice-data";
    private static Path spliceData;

    private SharedFixtures() {}

    /**
     * SpLiCE's data folder ({@code vocab/*.txt}, {@code means/*.pt}) as a real directory: the test-classes
     * folder when this module runs its own tests, else a temporary copy of the entries in splice-features'
     * test-jar (bottleneck-train's tests).
     */
    public static synchronized Path spliceData() {
        if (spliceData == null) {
            spliceData = locate();
        }
        return spliceData;
    }

    private static Path locate() {
        URL notice = SharedFixtures.class.getResource("/" + SPLICE_DATA + "/NOTICE");
        if (notice == null) {
            throw new IllegalStateException(SPLICE_DATA + "/NOTICE is not on the test classpath: splice-features' test"
                    + " resources (or its test-jar) must be a test dependency");
        }
        try {
            URI uri = notice.toURI();
            if (uri.getScheme().equals("file")) {
                return Path.of(uri).getParent();
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return copyTree(jar.getPath("/" + SPLICE_DATA), Files.createTempDirectory("splice-data"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
