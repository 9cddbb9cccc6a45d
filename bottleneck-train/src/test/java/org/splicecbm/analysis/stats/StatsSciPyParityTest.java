package org.splicecbm.analysis.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.splicecbm.analysis.SciPy;

/**
 * Every statistic against SciPy (or NumPy where SciPy 1.10 has no function): Wilson intervals
 * ({@code binomtest(...).proportion_ci("wilson")}), the pooled z-test ({@code chi2_contingency(correction=False)}),
 * Newcombe's interval (from SciPy's Wilson bounds), Mann-Whitney ({@code mannwhitneyu(method="asymptotic")}),
 * Cochran-Mantel-Haenszel and Benjamini-Hochberg (NumPy formulas). Relative tolerance 1e-9 on p-values
 * above 1e-300 (doubles on both sides; Mann-Whitney sums are exact in both).
 */
class StatsSciPyParityTest {
    private static final String SCRIPT = """
            import sys, json, numpy as np
            from scipy import stats
            cases = json.load(sys.stdin); out = []
            for c in cases:
                k1, n1, k2, n2 = c["two"]
                lo1, hi1 = stats.binomtest(k1, n1).proportion_ci(0.95, method="wilson")
                lo2, hi2 = stats.binomtest(k2, n2).proportion_ci(0.95, method="wilson")
                table = np.array([[k1, n1 - k1], [k2, n2 - k2]])
                p_chi = 1.0 if (k1 + k2 in (0, n1 + n2)) else stats.chi2_contingency(table, correction=False)[1]
                p1, p2 = k1 / n1, k2 / n2; d = p2 - p1
                newcombe = [d - np.sqrt((p2 - lo2) ** 2 + (hi1 - p1) ** 2), d + np.sqrt((hi2 - p2) ** 2 + (p1 - lo1) ** 2)]
                x = np.array(c["x"] + [0.0] * c["zx"], dtype=np.float32); y = np.array(c["y"] + [0.0] * c["zy"], dtype=np.float32)
                mw = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")
                a = np.array(c["strata"], dtype=float)  # rows: activeRef, nRef, activeCur, nCur
                n = a[:, 1] + a[:, 3]; m = a[:, 0] + a[:, 2]
                keep = (a[:, 1] > 0) & (a[:, 3] > 0) & (n >= 2)
                a, n, m = a[keep], n[keep], m[keep]
                e = a[:, 3] * m / n; v = a[:, 1] * a[:, 3] * m * (n - m) / (n * n * (n - 1))
                cmh = float(((a[:, 2].sum() - e.sum()) ** 2) / v.sum()) if v.sum() > 0 else 0.0
                p = np.array(c["p"]); o = np.argsort(p); r = np.arange(1, len(p) + 1)
                q = np.minimum.accumulate((p[o] * len(p) / r)[::-1])[::-1]; bh = np.empty_like(q); bh[o] = np.minimum(q, 1)
                out.append({"wilson": [lo1, hi1, lo2, hi2], "p_chi": float(p_chi), "newcombe": newcombe,
                            "u": float(mw.statistic), "p_mw": float(mw.pvalue), "cmh": cmh,
                            "p_cmh": float(stats.chi2.sf(cmh, 1)), "bh": bh.tolist()})
            print(json.dumps(out))
            """;

    @Test
    void everyStatisticMatchesSciPy() throws Exception {
        SciPy.require();
        SplittableRandom random = new SplittableRandom(3);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cases.add(Case.random(random, i));
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode expected = json.readTree(SciPy.run(SCRIPT, json.writeValueAsString(cases)));
        for (int i = 0; i < cases.size(); i++) {
            check(cases.get(i), expected.get(i));
        }
    }

    private static void check(Case c, com.fasterxml.jackson.databind.JsonNode e) {
        String where = "case " + c.id;
        Proportion ref = new Proportion(c.two[0], c.two[1]);
        Proportion cur = new Proportion(c.two[2], c.two[3]);
        close(e.get("wilson").get(0).asDouble(), ref.wilson95().low(), 1e-12, where + " wilson low");
        close(e.get("wilson").get(1).asDouble(), ref.wilson95().high(), 1e-12, where + " wilson high");
        close(e.get("wilson").get(3).asDouble(), cur.wilson95().high(), 1e-12, where + " wilson high 2");
        TwoProportions two = new TwoProportions(ref, cur);
        relative(e.get("p_chi").asDouble(), two.pValue(), where + " z-test p");
        close(e.get("newcombe").get(0).asDouble(), two.differenceInterval95().low(), 1e-12, where + " newcombe low");
        close(e.get("newcombe").get(1).asDouble(), two.differenceInterval95().high(), 1e-12, where + " newcombe high");
        MannWhitney mw = MannWhitney.test(c.floats(c.x), c.zx, c.floats(c.y), c.zy);
        assertEquals(e.get("u").asDouble(), mw.u(), 1e-9, where + " U");
        relative(e.get("p_mw").asDouble(), mw.pValue(), where + " Mann-Whitney p");
        MantelHaenszel cmh = new MantelHaenszel();
        for (long[] s : c.strata) {
            cmh.add(s[0], s[1], s[2], s[3]);
        }
        relative(e.get("cmh").asDouble(), cmh.statistic(), where + " CMH statistic");
        relative(e.get("p_cmh").asDouble(), cmh.pValue(), where + " CMH p");
        double[] bh = BenjaminiHochberg.adjust(c.p);
        for (int j = 0; j < bh.length; j++) {
            close(e.get("bh").get(j).asDouble(), bh[j], 1e-15, where + " BH " + j);
        }
    }

    private static void relative(double expected, double actual, String what) {
        if (expected < 1e-300) {
            assertTrue(actual < 1e-290, what + ": expected ~0, found " + actual);
            return;
        }
        assertEquals(expected, actual, 1e-9 * expected + 1e-15, what);
    }

    private static void close(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance, what);
    }

    /** One random input for every statistic; public fields so Jackson writes them. */
    public static final class Case {
        public int id;
        public long[] two;
        public List<Double> x = new ArrayList<>();
        public List<Double> y = new ArrayList<>();
        public int zx;
        public int zy;
        public List<long[]> strata = new ArrayList<>();
        public double[] p;

        static Case random(SplittableRandom r, int id) {
            Case c = new Case();
            c.id = id;
            long n1 = 1 + r.nextInt(id < 5 ? 12 : 3000);
            long n2 = 1 + r.nextInt(id < 5 ? 12 : 3000);
            double base = r.nextDouble();
            c.two = new long[] {binomial(r, n1, base), n1, binomial(r, n2, Math.min(1, base + 0.1 * r.nextDouble())), n2};
            int nx = 1 + r.nextInt(60);
            int ny = 1 + r.nextInt(60);
            for (int i = 0; i < nx; i++) {
                c.x.add((double) (float) (i % 7 == 0 ? 0.5 : Math.round(r.nextDouble() * 40) / 40.0 + 0.01));
            }
            for (int i = 0; i < ny; i++) {
                c.y.add((double) (float) (Math.round(r.nextDouble() * 40) / 40.0 + 0.02));
            }
            c.zx = r.nextInt(200);
            c.zy = r.nextInt(200);
            for (int k = 0; k < 1 + r.nextInt(6); k++) {
                long nr = r.nextInt(80);
                long nc = r.nextInt(80);
                double pk = r.nextDouble();
                c.strata.add(new long[] {binomial(r, nr, pk), nr, binomial(r, nc, pk * 1.2 > 1 ? pk : pk * 1.2), nc});
            }
            c.p = r.doubles(1 + r.nextInt(50)).map(v -> r.nextInt(4) == 0 ? v * 1e-4 : v).toArray();
            return c;
        }

        float[] floats(List<Double> values) {
            float[] out = new float[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.get(i).floatValue();
            }
            return out;
        }

        private static long binomial(SplittableRandom r, long n, double p) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                k += r.nextDouble() < p ? 1 : 0;
            }
            return k;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "case %d", id);
        }
    }
}
