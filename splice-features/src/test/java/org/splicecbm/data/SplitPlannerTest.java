package org.splicecbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.splicecbm.validation.InvalidArgumentException;

class SplitPlannerTest {
    /** 3 classes of 60, 30 and 10 training samples, 12 test samples; ids s<i>. */
    private static DatasetContent content() {
        List<Sample> train = new ArrayList<>();
        int[] sizes = {60, 30, 10};
        int id = 0;
        for (int round = 0; round < 60; round++) {
            for (int c = 0; c < 3; c++) {
                if (round < sizes[c]) {
                    train.add(sample("s" + id++, c));
                }
            }
        }
        List<Sample> test = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            test.add(sample("t" + i, i % 3));
        }
        return new DatasetContent("toy", List.of("a", "b", "c"), Map.of(Split.TRAIN, train, Split.TEST, test));
    }

    private static Sample sample(String id, int label) {
        ImageSource none = new ImageSource() {
            @Override
            public BufferedImage open() {
                throw new UnsupportedOperationException("no pixels in planner tests");
            }

            @Override
            public String location() {
                return id;
            }
        };
        return new Sample(id, label, none, Map.of());
    }

    private static ImageDataset plan(String yaml) {
        DatasetConfig config = TestConfigs.dataset(Path.of("/toy"), "kind: imagefolder\n" + yaml);
        return SplitPlanner.plan(content(), config, true);
    }

    private static List<String> ids(ImageDataset data, Split split) throws Exception {
        return data.samples(split).stream().map(Sample::id).toList();
    }

    private static int[] counts(List<Sample> samples) {
        int[] n = new int[3];
        samples.forEach(s -> n[s.label()]++);
        return n;
    }

    @Test
    void derivedValIsDeterministicDisjointAndStratified() throws Exception {
        ImageDataset a = plan("val: {from: train, fraction: 0.1, seed: 0}\n");
        ImageDataset b = plan("val: {from: train, fraction: 0.1, seed: 0}\n");
        assertEquals(ids(a, Split.VAL), ids(b, Split.VAL));
        assertEquals(ids(a, Split.TRAIN), ids(b, Split.TRAIN));
        assertEquals(10, a.samples(Split.VAL).size());
        assertEquals(90, a.samples(Split.TRAIN).size());
        assertTrue(java.util.Collections.disjoint(ids(a, Split.VAL), ids(a, Split.TRAIN)));
        Set<String> union = new HashSet<>(ids(a, Split.VAL));
        union.addAll(ids(a, Split.TRAIN));
        assertEquals(100, union.size());
        assertEquals(List.of(6, 3, 1), java.util.Arrays.stream(counts(a.samples(Split.VAL))).boxed().toList());
        List<String> original = content().splits().get(Split.TRAIN).stream().map(Sample::id).toList();
        assertEquals(original.stream().filter(ids(a, Split.VAL)::contains).toList(), ids(a, Split.VAL),
                "derived split keeps the dataset order");
        assertEquals(ids(a, Split.TEST), content().splits().get(Split.TEST).stream().map(Sample::id).toList());
    }

    @Test
    void differentSeedGivesDifferentSplit() throws Exception {
        assertNotEquals(ids(plan("val: {fraction: 0.2, seed: 0}\n"), Split.VAL),
                ids(plan("val: {fraction: 0.2, seed: 1}\n"), Split.VAL));
    }

    @Test
    void rankIsAFixedFunctionOfSeedAndId() {
        // Pinned with Python: struct.unpack('>q', hashlib.sha256(struct.pack('>q', seed) + id.encode()).digest()[:8]),
        // so splits agree across JVMs, machines and languages.
        assertEquals(2136130032654120154L, SeededSelection.rank(0, "s0"));
        assertEquals(6399119157838929993L, SeededSelection.rank(7, "\u00fc/x.png"));
        assertNotEquals(SeededSelection.rank(0, "s0"), SeededSelection.rank(1, "s0"));
    }

    @Test
    void limitsTakeExactStratifiedSubsetsInOrder() throws Exception {
        ImageDataset data = plan("val: {fraction: 0.1}\nlimit: {train: 45, val: 5, test: 6}\n");
        assertEquals(45, data.samples(Split.TRAIN).size());
        assertEquals(List.of(27, 14, 4), java.util.Arrays.stream(counts(data.samples(Split.TRAIN))).boxed().toList());
        assertEquals(5, data.samples(Split.VAL).size());
        assertEquals(List.of(2, 2, 2), java.util.Arrays.stream(counts(data.samples(Split.TEST))).boxed().toList());
        ImageDataset unlimited = plan("val: {fraction: 0.1}\n");
        List<String> full = ids(unlimited, Split.TRAIN);
        assertEquals(full.stream().filter(ids(data, Split.TRAIN)::contains).toList(), ids(data, Split.TRAIN));
        assertEquals(ids(unlimited, Split.VAL), ids(plan("val: {fraction: 0.1}\nlimit: {train: 45}\n"), Split.VAL),
                "a train limit never changes the val split");
        assertNotEquals(ids(data, Split.TRAIN), ids(plan("val: {fraction: 0.1}\nlimit: {train: 45, seed: 3}\n"), Split.TRAIN));
        assertEquals(12, plan("limit: {test: 500}\n").samples(Split.TEST).size(), "a cap above the size keeps all");
    }

    @Test
    void aLimitAboveTheDataSaysSo() throws Exception {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(12, plan("limit: {test: 500}\n").samples(Split.TEST).size());
            plan("limit: {test: 6}\n");
        } finally {
            System.setErr(before);
        }
        String err = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("note: dataset.limit.test is 500 but the test split has 12 samples; all 12 are used"
                + " (recorded as the feature set's rows)", err.strip(), "once, and only for the limit above the data");
    }

    @Test
    void classFilterKeepsAndRelabelsInGivenOrder() throws Exception {
        ImageDataset data = plan("classes: [c, a]\n");
        assertEquals(List.of("c", "a"), data.classNames());
        List<Sample> train = data.samples(Split.TRAIN);
        assertEquals(70, train.size());
        assertEquals(10, train.stream().filter(s -> s.label() == 0).count());
        assertEquals(60, train.stream().filter(s -> s.label() == 1).count());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> plan("classes: [a, zebra]\n"));
        assertTrue(e.getMessage().contains("zebra") && e.getMessage().contains("[a, b, c]"), e.getMessage());
    }

    @Test
    void missingSplitsAndImpossibleDerivationsAreConfigErrors() {
        IllegalArgumentException noVal = assertThrows(IllegalArgumentException.class, () -> plan("").samples(Split.VAL));
        assertTrue(noVal.getMessage().contains("val: {from: train"), noVal.getMessage());
        InvalidArgumentException limit = assertThrows(InvalidArgumentException.class, () -> plan("limit: {val: 3}\n"));
        assertEquals("dataset.limit.val", limit.key());
        InvalidArgumentException twice = assertThrows(InvalidArgumentException.class, () -> plan("test: {fraction: 0.1}\n"));
        assertTrue(twice.getMessage().contains("already defines a test split"), twice.getMessage());
        InvalidArgumentException tiny = assertThrows(InvalidArgumentException.class, () -> plan("val: {fraction: 0.001}\n"));
        assertEquals("dataset.val.fraction", tiny.key());
    }
}
