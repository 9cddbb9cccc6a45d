package org.splicecbm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.splicecbm.data.DatasetConfig;
import org.splicecbm.data.DerivedSplit;
import org.splicecbm.data.Split;
import org.splicecbm.data.SplitLimits;
import org.splicecbm.validation.InvalidArgumentException;

class DatasetConfigTest {
    /** The run-config loader's own mapper (snake_case, strict primitives, paths against /base). */
    private static final ObjectMapper YAML = ConfigLoader.mapper(Path.of("/base"));

    private static DatasetConfig parse(String yaml) throws Exception {
        return YAML.readValue(yaml, DatasetConfig.class);
    }

    /** Jackson wraps constructor exceptions; the loader unwraps them the same way. */
    private static InvalidArgumentException failure(String yaml) {
        Exception e = assertThrows(Exception.class, () -> parse(yaml));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidArgumentException c) {
                return c;
            }
        }
        throw new AssertionError("no InvalidArgumentException in " + e);
    }

    @Test
    void bindsTheArchitectureSketch() throws Exception {
        DatasetConfig c = parse("kind: cifar10\nroot: /data/cifar10\ndownload: true\n"
                + "val: {from: train, fraction: 0.1, seed: 0}\nlimit: {train: 5000, val: 500, test: 1000}\n"
                + "on_bad_image: skip\n");
        assertEquals(DatasetConfig.Kind.CIFAR10, c.kind());
        assertEquals(Path.of("/data/cifar10"), c.root());
        assertTrue(c.download());
        assertEquals(new DerivedSplit("train", 0.1, 0L), c.val());
        assertEquals(Optional.of(500), c.limit().of(Split.VAL));
        assertEquals(DatasetConfig.OnBadImage.SKIP, c.onBadImage());
        assertNull(c.labelLevel(), "label_level only exists for cifar100");
        assertEquals(DatasetConfig.LabelLevel.FINE, parse("kind: cifar100\nroot: x\n").labelLevel());
    }

    @Test
    void savedConfigsReadBackEqual() throws Exception {
        for (String yaml : List.of(
                "kind: cifar100\nroot: /d\ndownload: true\nurl: http://127.0.0.1:1/\nlabel_level: coarse\n",
                "kind: csv\nroot: /d\nmanifest: m.csv\nclasses: [b, a]\nval: {fraction: 0.2, seed: 3}\nlimit: {test: 7}\n",
                "kind: celeba\nroot: /d\nattribute: Eyeglasses\ngroup_attribute: Male\non_bad_image: skip\n",
                "kind: imagefolder\nroot: rel/dir\ntest: {fraction: 0.25}\n")) {
            DatasetConfig c = parse(yaml);
            assertEquals(c, parse(YAML.writeValueAsString(c)), yaml);
        }
        assertEquals(Path.of("/base/rel/dir"), parse("kind: imagefolder\nroot: rel/dir\n").root());
    }

    @Test
    void defaultsForAbsentKeys() throws Exception {
        DatasetConfig c = parse("kind: ImageFolder\nroot: x\n");
        assertFalse(c.download());
        assertNull(c.val());
        assertEquals(SplitLimits.NONE, c.limit());
        assertEquals(Optional.empty(), c.limit().of(Split.TRAIN));
        assertEquals(DatasetConfig.OnBadImage.FAIL, c.onBadImage());
        assertEquals(List.of(), c.classes());
        assertEquals("train", parse("kind: imagefolder\nroot: x\ntest: {fraction: 0.2}\n").test().from());
    }

    @Test
    void rejectsValuesWithKeyRuleAndFoundValue() {
        InvalidArgumentException fraction = failure("kind: cifar10\nroot: x\nval: {fraction: 1.5}\n");
        assertEquals("dataset.val.fraction", fraction.key());
        assertTrue(fraction.getMessage().contains("be in (0, 1)") && fraction.getMessage().contains("1.5"));
        assertEquals("dataset.test.from", failure("kind: cifar10\nroot: x\ntest: {from: val, fraction: 0.1}\n").key());
        assertEquals("dataset.limit.val", failure("kind: cifar10\nroot: x\nlimit: {val: 0}\n").key());
        InvalidArgumentException kind = failure("kind: mnist\nroot: x\n");
        assertTrue(kind.getMessage().contains("cifar10") && kind.getMessage().contains("mnist"), kind.getMessage());
        assertEquals("dataset.root", failure("kind: csv\nmanifest: m.csv\n").key());
        assertEquals("dataset.classes", failure("kind: cifar10\nroot: x\nclasses: [cat, cat]\n").key());
        assertEquals("dataset.on_bad_image", failure("kind: cifar10\nroot: x\non_bad_image: ignore\n").key());
    }

    @Test
    void rejectsKeysThatMakeNoSenseForTheKind() {
        assertEquals("dataset.manifest", failure("kind: imagefolder\nroot: x\nmanifest: m.csv\n").key());
        assertEquals("dataset.manifest", failure("kind: csv\nroot: x\n").key());
        assertEquals("dataset.download", failure("kind: waterbirds\nroot: x\ndownload: true\n").key());
        assertEquals("dataset.label_level", failure("kind: cifar10\nroot: x\nlabel_level: coarse\n").key());
        assertEquals("dataset.attribute", failure("kind: celeba\nroot: x\n").key());
        assertEquals("dataset.attribute", failure("kind: cifar10\nroot: x\nattribute: Male\n").key());
        assertEquals("dataset.group_attribute", failure("kind: imagefolder\nroot: x\ngroup_attribute: Male\n").key());
        assertEquals("dataset.url", failure("kind: csv\nroot: x\nmanifest: m.csv\nurl: http://h/\n").key());
    }
}
