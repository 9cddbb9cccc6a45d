package org.splicecbm.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The layout of ARCHITECTURE.md holds in the main sources of both modules: no import runs back up the declared
 * flow ({@link PackageLayers#ORDER}), no package name lives in two modules, every package has a
 * {@code package-info.java}, and every public top-level type has a javadoc.
 */
class LayeringTest {
    private static final Path FEATURES = Path.of("..", "splice-features", "src", "main", "java");
    private static final Path TRAIN = Path.of("src", "main", "java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:final |abstract |sealed |non-sealed )*(?:class|record|interface|enum|@interface) (\\w+)", Pattern.MULTILINE);

    @Test
    void noPackageImportsOneLaterInTheFlow() {
        assertEquals(List.of(), PackageLayers.violations(List.of(FEATURES, TRAIN)));
    }

    @Test
    void theCheckFailsOnAnUpwardImportAndOnUndeclaredPackages() {
        // The config <-> data cycle this layout removed, and the flow's ends.
        assertNotNull(PackageLayers.violation("org.splicecbm.data", "org.splicecbm.config.DatasetConfig"));
        assertNotNull(PackageLayers.violation("org.splicecbm.probe", "org.splicecbm.cli.SpliceCli"));
        assertNotNull(PackageLayers.violation("org.splicecbm.backbone.transformer", "org.splicecbm.concepts.Vocabulary"));
        assertNotNull(PackageLayers.violation("org.splicecbm.newthing", "org.splicecbm.store.FeatureSet"));
        assertNull(PackageLayers.violation("org.splicecbm.cli", "org.splicecbm.probe.TrainedProbe"));
        assertNull(PackageLayers.violation("org.splicecbm.backbone", "org.splicecbm.backbone.weights.TensorSource"));
    }

    @Test
    void theCheckSeesSourcesItScans(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("org/splicecbm/data")).resolve("Bad.java");
        Files.writeString(file, "package org.splicecbm.data;\n\nimport org.splicecbm.runconfig.RunConfig;\n\nclass Bad {}\n");
        List<String> found = PackageLayers.violations(List.of(dir));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("Bad.java: org.splicecbm.data imports org.splicecbm.runconfig.RunConfig"), found.get(0));
    }

    @Test
    void everyLayerIsInUseAndNoPackageIsInBothModules() {
        Map<String, Path> moduleOf = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Path root : List.of(FEATURES, TRAIN)) {
            PackageLayers.sources(List.of(root)).keySet().forEach(f -> {
                String pkg = root.relativize(f.getParent()).toString().replace(java.io.File.separatorChar, '.');
                Path previous = moduleOf.putIfAbsent(pkg, root);
                if (previous != null && !previous.equals(root)) {
                    twice.add(pkg);
                }
            });
        }
        assertEquals(List.of(), twice);
        assertTrue(moduleOf.size() > 20, "scanned " + moduleOf.keySet());
    }

    @Test
    void everyPackageSaysWhatItHoldsAndEveryPublicTypeHasAJavadoc() {
        List<String> missing = new ArrayList<>();
        for (Path root : List.of(FEATURES, TRAIN)) {
            Map<Path, String> sources = PackageLayers.sources(List.of(root));
            sources.keySet().stream().map(Path::getParent).distinct()
                    .filter(dir -> !sources.containsKey(dir.resolve("package-info.java")))
                    .forEach(dir -> missing.add("no package-info.java in " + root.relativize(dir)));
            sources.forEach((file, text) -> {
                Matcher type = PUBLIC_TYPE.matcher(text);
                if (type.find() && !javadocBefore(text.substring(0, type.start()))) {
                    missing.add("no javadoc on " + file.getFileName());
                }
            });
        }
        assertEquals(List.of(), missing);
    }

    /** Whether the text before a type declaration ends with a javadoc, allowing annotations after it. */
    private static boolean javadocBefore(String head) {
        int end = head.lastIndexOf("*/");
        int start = head.lastIndexOf("/**");
        if (end < 0 || start < 0 || start > end) {
            return false;
        }
        String between = head.substring(end + 2).strip();
        return between.isEmpty() || between.startsWith("@");
    }
}
