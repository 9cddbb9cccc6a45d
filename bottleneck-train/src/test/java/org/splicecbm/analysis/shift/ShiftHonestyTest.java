package org.splicecbm.analysis.shift;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.splicecbm.store.FeatureSet;

/**
 * Statistical honesty of {@link ShiftAnalysis} on synthetic feature sets (400 vs 400 images, 150 concepts):
 * planted prevalence shifts are found; with no shift, the share of runs with any discovery at q <= 0.05
 * (family-wise error, = FDR under the complete null) stays within the nominal 5%; with 10 planted shifts
 * the mean false-discovery proportion stays within 5%. Bounds allow Monte-Carlo error: the upper end of a
 * one-sided 99% binomial band (5% + 2.33 SD); the observed rates are printed.
 */
class ShiftHonestyTest {
    static final int ROWS = 400;
    static final int CONCEPTS = 150;
    static final int RUNS = Integer.getInteger("honesty.runs", 300);
    static final double ALPHA = 0.05;
    static final Set<String> PLANTED = Set.of("concept3", "concept17", "concept29", "concept44", "concept58",
            "concept71", "concept86", "concept99", "concept112", "concept140");

    static final ShiftAnalysis ANALYSIS = ShiftAnalysis.builder().optPermutations(0).build();

    static double bound(int runs) {
        return ALPHA + 2.33 * Math.sqrt(ALPHA * (1 - ALPHA) / runs);
    }

    @Test
    void noShiftKeepsTheFamilyWiseErrorWithinTheNominalLevel() {
        int anyFalse = 0;
        int anyFalseWeights = 0;
        for (int run = 0; run < RUNS; run++) {
            SplittableRandom random = new SplittableRandom(1000 + run);
            double[][] p = SyntheticSets.baseline(random, CONCEPTS);
            ShiftResult r = ANALYSIS.run("a", SyntheticSets.draw(random, p, new int[] {0}, ROWS), "b",
                    SyntheticSets.draw(random, p, new int[] {0}, ROWS));
            anyFalse += r.discoveries(ALPHA).isEmpty() ? 0 : 1;
            anyFalseWeights += r.concepts().stream().anyMatch(c -> c.weightQValue() <= ALPHA) ? 1 : 0;
        }
        double rate = (double) anyFalse / RUNS;
        double weightRate = (double) anyFalseWeights / RUNS;
        System.out.printf(Locale.ROOT, "no shift, %d runs: runs with any false discovery: prevalence %.4f, weights %.4f (nominal %.2f)%n",
                RUNS, rate, weightRate, ALPHA);
        assertTrue(rate <= bound(RUNS), "family-wise error " + rate + " above " + bound(RUNS));
        assertTrue(weightRate <= bound(RUNS), "weight-test family-wise error " + weightRate + " above " + bound(RUNS));
    }

    @Test
    void plantedShiftsAreFoundAndTheFalseDiscoveryProportionStaysNominal() {
        double fdpSum = 0;
        double powerSum = 0;
        int planted = 0;
        int covered = 0;
        int runs = RUNS / 2;
        for (int run = 0; run < runs; run++) {
            SplittableRandom random = new SplittableRandom(5000 + run);
            double[][] p = SyntheticSets.baseline(random, CONCEPTS);
            double[][] shifted = {p[0].clone()};
            for (String c : PLANTED) {
                int i = Integer.parseInt(c.substring("concept".length()));
                shifted[0][i] = Math.min(0.95, p[0][i] + 0.15);
            }
            ShiftResult r = ANALYSIS.run("a", SyntheticSets.draw(random, p, new int[] {0}, ROWS), "b",
                    SyntheticSets.draw(random, shifted, new int[] {0}, ROWS));
            Set<String> found = new HashSet<>();
            r.discoveries(ALPHA).forEach(c -> found.add(c.concept()));
            long falseFound = found.stream().filter(c -> !PLANTED.contains(c)).count();
            fdpSum += found.isEmpty() ? 0 : (double) falseFound / found.size();
            powerSum += (double) found.stream().filter(PLANTED::contains).count() / PLANTED.size();
            for (ConceptShift c : r.concepts()) {
                if (PLANTED.contains(c.concept())) {
                    planted++;
                    covered += c.differenceCi().contains(0.15) ? 1 : 0;
                }
            }
        }
        double fdr = fdpSum / runs;
        double power = powerSum / runs;
        double coverage = (double) covered / planted;
        System.out.printf(Locale.ROOT, "10 planted shifts of +0.15, %d runs: mean FDP %.4f (nominal %.2f), mean power %.4f,"
                + " 95%% interval coverage of the planted shift %.4f%n", runs, fdr, ALPHA, power, coverage);
        assertTrue(coverage >= 0.93, "Newcombe intervals cover the planted +0.15 in " + coverage);
        assertTrue(fdr <= ALPHA * 1.25, "mean false-discovery proportion " + fdr + " above nominal");
        assertTrue(power >= 0.9, "planted shifts found with power " + power);
    }

    @Test
    void aChangeInClassMixIsNotAConceptShiftWhenStratified() {
        int unstratifiedRuns = 0;
        int stratifiedRuns = 0;
        int runs = 60;
        for (int run = 0; run < runs; run++) {
            SplittableRandom random = new SplittableRandom(9000 + run);
            double[][] p = new double[2][CONCEPTS];
            for (int c = 0; c < CONCEPTS; c++) {
                p[0][c] = 0.05 + 0.2 * random.nextDouble();
                p[1][c] = c < 20 ? p[0][c] + 0.4 : p[0][c];
            }
            FeatureSet reference = SyntheticSets.draw(random, p, new int[] {0, 1}, ROWS);
            FeatureSet current = SyntheticSets.draw(random, p, new int[] {0, 1, 1, 1, 1}, ROWS);
            unstratifiedRuns += ANALYSIS.run("a", reference, "b", current).discoveries(ALPHA).isEmpty() ? 0 : 1;
            ShiftResult s = ShiftAnalysis.builder().optPermutations(0).optStratifyByClass(true).build()
                    .run("a", reference, "b", current);
            stratifiedRuns += s.discoveries(ALPHA).isEmpty() ? 0 : 1;
        }
        System.out.printf(Locale.ROOT, "class mix 50%% -> 80%% class 1, %d runs: runs with a discovery: unstratified %d, stratified %d%n",
                runs, unstratifiedRuns, stratifiedRuns);
        assertTrue(unstratifiedRuns >= runs * 0.9, "the class-mix change shows up without stratification");
        assertTrue((double) stratifiedRuns / runs <= bound(runs), "stratified runs with a false discovery: " + stratifiedRuns);
    }

    @Test
    void theGlobalTestIsUniformUnderNoShiftAndRejectsAPlantedShift() {
        int rejections = 0;
        int runs = 40;
        ShiftAnalysis global = ShiftAnalysis.builder().optPermutations(99).build();
        for (int run = 0; run < runs; run++) {
            SplittableRandom random = new SplittableRandom(20000 + run);
            double[][] p = SyntheticSets.baseline(random, 40);
            ShiftResult r = global.run("a", SyntheticSets.draw(random, p, new int[] {0}, 200), "b",
                    SyntheticSets.draw(random, p, new int[] {0}, 200));
            rejections += r.global().pValue() <= ALPHA ? 1 : 0;
        }
        SplittableRandom random = new SplittableRandom(1);
        double[][] p = SyntheticSets.baseline(random, 40);
        double[][] shifted = {p[0].clone()};
        shifted[0][5] += 0.2;
        ShiftResult planted = global.run("a", SyntheticSets.draw(random, p, new int[] {0}, 200), "b",
                SyntheticSets.draw(random, shifted, new int[] {0}, 200));
        System.out.printf(Locale.ROOT, "global permutation test (99 permutations), %d null runs: rejection rate %.3f; planted p %.3f%n",
                runs, (double) rejections / runs, planted.global().pValue());
        assertTrue((double) rejections / runs <= bound(runs) + 0.05, "null rejection rate " + rejections + "/" + runs);
        assertEquals(0.01, planted.global().pValue(), 1e-12, "the planted shift beats every permutation");
    }
}
