package org.splicecbm.analysis.shift;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.store.CsrMatrix;
import org.splicecbm.store.FeatureSet;

/** The report folder of a planted shift, and the library's errors for empty and mismatched sets. */
class ShiftReportTest {
    @TempDir
    Path dir;

    @Test
    void writesTheRankedTablePlotsAndPageWithThePlantedConceptFirst() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        double[][] p = SyntheticSets.baseline(random, 60);
        double[][] shifted = {p[0].clone()};
        shifted[0][7] = 0.9;
        FeatureSet a = SyntheticSets.draw(random, p, new int[] {0}, 300);
        FeatureSet b = SyntheticSets.draw(random, shifted, new int[] {0}, 300);
        ShiftResult result = ShiftAnalysis.builder().optPermutations(19).build().run("a", a, "b", b);
        Path out = Path.of(System.getProperty("shift.report.dir", dir.resolve("report").toString()));
        PrevalenceByValue byValue = PrevalenceByValue.of("year", b.features(),
                java.util.stream.IntStream.range(0, 300).mapToObj(i -> Integer.toString(2000 + i % 5)).toList(),
                List.of("concept7", "concept3"), new int[] {7, 3});
        new ShiftReport().withShift(result, "a", "b", 15).withPrevalence(byValue, "b").write(out);
        List<String> csv = Files.readAllLines(out.resolve("shift.csv"));
        assertTrue(csv.get(1).startsWith("concept7,"), "the planted concept ranks first: " + csv.get(1));
        for (String f : List.of("volcano.png", "volcano.svg", "ranked.png", "ranked.svg", "prevalence_by_year.png", "shift.html")) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        assertEquals(List.of("2000", "2001", "2002", "2003", "2004"), byValue.values());
        String dom = org.splicecbm.analysis.HeadlessChromium.dumpDom(out.resolve("shift.html"));
        assertEquals(3, dom.split("<img ", -1).length - 1, "volcano, ranked and by-year plots embedded");
        assertTrue(dom.contains("<td>concept7</td>") && dom.contains("Prevalence by year"), "tables rendered");
    }

    @Test
    void anEmptySetAndDifferentSettingsAreClearErrors() {
        SplittableRandom random = new SplittableRandom(1);
        FeatureSet a = SyntheticSets.draw(random, SyntheticSets.baseline(random, 5), new int[] {0}, 20);
        FeatureSet empty = new FeatureSet(new CsrMatrix(0, 5, new float[0], new int[0], new long[] {0}), new long[0],
                a.concepts(), SyntheticSets.meta(0, 5, 0.25));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShiftAnalysis.builder().build().run("a", a, "empty", empty));
        assertTrue(e.getMessage().contains("--current empty has no images (0 rows)"), e.getMessage());
        FeatureSet other = new FeatureSet(a.features(), a.labels(), a.concepts(), SyntheticSets.meta(20, 5, 0.35));
        e = assertThrows(IllegalArgumentException.class, () -> ShiftAnalysis.builder().build().run("a", a, "b", other));
        assertTrue(e.getMessage().contains("l1_penalty 0.25 (reference) vs 0.35 (current)"), e.getMessage());
    }
}
