package org.splicecbm.runconfig;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.config.ConfigException;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.config.ConfigPathDeserializer;

class ConfigLoaderTest {
    private static final String VALID = """
            schema: 1
            name: t
            backbone: open_clip:ViT-B-32
            dataset:
              kind: imagefolder
              root: images
            splice:
              l1_penalty: 0.3
            output: out
            """;

    @Test
    void everyShippedConfigLoads() throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent();
        List<Path> configs;
        try (Stream<Path> files = Stream.concat(Files.walk(repo.resolve("configs")), Files.walk(repo.resolve("experiments")))) {
            configs = files.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertTrue(configs.size() >= 5, "configs/ and experiments/ hold YAML configs: " + configs);
        for (Path config : configs) {
            if (Files.readString(config).contains("\ncoco:")) { // a retrieval study, not a run
                RetrievalConfig r = assertDoesNotThrow(() -> ConfigLoader.load(config, RetrievalConfig.class), config.toString());
                assertTrue(r.output().isAbsolute() && r.coco().images().isAbsolute(), "paths resolve: " + r);
                continue;
            }
            RunConfig c = assertDoesNotThrow(() -> ConfigLoader.load(config, RunConfig.class), config.toString());
            assertTrue(c.output().isAbsolute(), "output resolves against the config's folder: " + c.output());
        }
    }

    @Test
    void resolvesPathsAndFillsDefaults(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), VALID);
        RunConfig c = ConfigLoader.load(file, RunConfig.class);
        assertEquals(dir.resolve("images"), c.dataset().root());
        assertEquals(dir.resolve("out"), c.output());
        assertEquals(0.3, c.splice().l1Penalty());
        assertEquals(10_000, c.concepts().size());
        assertEquals("laion", c.concepts().vocabulary());
        assertEquals("auto", c.device());
        assertEquals("t", c.experimentName());
        assertEquals(dir.resolve("mlruns").toString(), c.tracking().uri(), "a local tracking store resolves against the config's folder");
    }

    @Test
    void serverTrackingUriIsKeptAsIs(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), VALID + "tracking: {uri: http://mlflow.example:5000}\n");
        assertEquals("http://mlflow.example:5000", ConfigLoader.load(file, RunConfig.class).tracking().uri());
    }

    @Test
    void savedConfigLoadsBackEqual(@TempDir Path dir) throws IOException {
        RunConfig c = ConfigLoader.load(Files.writeString(dir.resolve("c.yaml"), VALID), RunConfig.class);
        Path saved = dir.resolve("saved/resolved-config.yaml");
        ConfigLoader.save(c, saved);
        RunConfig again = ConfigLoader.load(saved, RunConfig.class);
        assertEquals(ConfigLoader.toYaml(c), ConfigLoader.toYaml(again));
    }

    @Test
    void unknownKeyNamesFileLineAndValidKeys(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), VALID.replace("  l1_penalty: 0.3", "  l1_penalty: 0.3\n  l1_penalti: 0.2"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, RunConfig.class));
        assertTrue(e.getMessage().contains(file + ":9"), e.getMessage());
        assertTrue(e.getMessage().contains("l1_penalti") && e.getMessage().contains("l1_penalty"), e.getMessage());
    }

    @Test
    void wrongTypeIsAnErrorNotACoercion(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), VALID.replace("l1_penalty: 0.3", "l1_penalty: \"0.3\""));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, RunConfig.class));
        assertTrue(e.getMessage().contains(file + ":8") && e.getMessage().contains("splice.l1_penalty"), e.getMessage());
    }

    @Test
    void ruleViolationNamesTheKeyAndTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), VALID.replace("schema: 1", "schema: 2"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, RunConfig.class));
        assertTrue(e.getMessage().startsWith(file + ":1: "), e.getMessage());
        assertTrue(e.getMessage().contains(": schema: must be 1"), e.getMessage());
        assertTrue(e.getMessage().contains("found 2"), e.getMessage());
    }

    @Test
    void nestedRuleViolationPointsAtItsLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), VALID.replace("  root: images", "  root: images\n  val: {from: train, fraction: 1.5}"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, RunConfig.class));
        assertTrue(e.getMessage().startsWith(file + ":7: dataset.val.fraction: "), e.getMessage());
        assertTrue(e.getMessage().contains("found 1.5"), e.getMessage());
    }

    @Test
    void missingFileSaysSo(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml"), RunConfig.class));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains(dir.resolve("nope.yaml").toString()), e.getMessage());
    }

    @Test
    void wrongTypesSayTheKeyTheExpectedTypeAndTheValueFound(@TempDir Path dir) throws IOException {
        Path quoted = Files.writeString(dir.resolve("q.yaml"), VALID.replace("l1_penalty: 0.3", "l1_penalty: \"0.3\""));
        assertEquals(quoted + ":8: splice.l1_penalty: must be a number, found \"0.3\" (quoted, so text); remove the quotes",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(quoted, RunConfig.class)).getMessage());
        Path word = Files.writeString(dir.resolve("w.yaml"), VALID.replace("name: t", "name: t\nbatch_size: lots"));
        assertEquals(word + ":3: batch_size: must be a whole number, found lots",
                assertThrows(ConfigException.class, () -> ConfigLoader.load(word, RunConfig.class)).getMessage());
        Path list = Files.writeString(dir.resolve("l.yaml"), VALID.replace("l1_penalty: 0.3", "l1_penalty: [0.1, 0.2]"));
        String e = assertThrows(ConfigException.class, () -> ConfigLoader.load(list, RunConfig.class)).getMessage();
        assertEquals(list + ":8: splice.l1_penalty: must be a number, found a list", e);
        assertFalse(e.contains("coerce") || e.contains("java.lang") || e.contains("JsonToken"), e);
    }

    @Test
    void anEmptyConfigSaysSoPlainly(@TempDir Path dir) throws IOException {
        for (String text : List.of("", "\n  \n", "# just a comment\n")) {
            Path file = Files.writeString(dir.resolve("empty.yaml"), text);
            String e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, RunConfig.class)).getMessage();
            assertTrue(e.startsWith(file + ": config: the file is empty"), e);
        }
    }

    @Test
    void aTabInTheIndentationNamesItsLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tab.yaml"), VALID.replace("  root: images", "\troot: images"));
        String e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, RunConfig.class)).getMessage();
        assertEquals(file + ":6: config: a TAB character indents this line; YAML allows only spaces for indentation:"
                + " replace the TAB with spaces", e);
    }

    @Test
    void tildeExpandsToHome() {
        assertEquals(Path.of(System.getProperty("user.home"), "data"), ConfigPathDeserializer.resolve(Path.of("/x"), "~/data"));
    }
}
