package org.splicecbm.analysis.shift;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.analysis.HtmlPage;
import org.splicecbm.analysis.stats.Interval;
import org.splicecbm.analysis.stats.Proportion;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.AtomicFiles;

/**
 * The output folder of {@code splice shift}, written as one unit: {@code shift.csv}, {@code volcano.png/.svg},
 * {@code ranked.png/.svg} for a two-set comparison; {@code prevalence_by_<column>.csv/.png/.svg} for a column;
 * and the self-contained {@code shift.html}.
 */
public final class ShiftReport {
    private ShiftResult shift;
    private String referenceName;
    private String currentName;
    private PrevalenceByValue prevalence;
    private String prevalenceSource;
    private int top = 20;

    public ShiftReport withShift(ShiftResult result, String reference, String current, int topConcepts) {
        this.shift = result;
        this.referenceName = reference;
        this.currentName = current;
        this.top = topConcepts;
        return this;
    }

    public ShiftReport withPrevalence(PrevalenceByValue byValue, String source) {
        this.prevalence = byValue;
        this.prevalenceSource = source;
        return this;
    }

    /** Writes everything into {@code out} (replacing an earlier report there). */
    public void write(Path out) throws IOException {
        AtomicDirectory.write(out, dir -> {
            HtmlPage page = new HtmlPage("Concept shift");
            if (shift != null) {
                writeShift(dir, page);
            }
            if (prevalence != null) {
                writePrevalence(dir, page);
            }
            page.write(dir.resolve("shift.html"));
        });
    }

    /** The summary lines printed by the command and shown on the page. */
    public static List<String> summary(ShiftResult r) {
        return List.of(
                String.format(Locale.ROOT, "images: %d reference, %d current; %d concepts tested, %d untested (rule: active in >= %d"
                        + " and inactive in >= %d pooled images)", r.referenceRows(), r.currentRows(), r.concepts().size(), r.untested(),
                        r.minActive(), r.minActive()),
                String.format(Locale.ROOT, "prevalence test: %s; Benjamini-Hochberg over the tested concepts; %d with q <= 0.05",
                        r.stratified() ? "Cochran-Mantel-Haenszel within classes" : "pooled two-proportion z-test",
                        r.discoveries(0.05).size()),
                String.format(Locale.ROOT, "global test (sum of chi-squared over tested concepts, %d permutations%s): T = %.4f, p = %.4g",
                        r.global().permutations(), r.stratified() ? " within classes" : "", r.global().statistic(), r.global().pValue()),
                String.format(Locale.ROOT, "mean L0: %.4f -> %.4f (change %+.4f); mean cosine: %.4f -> %.4f (change %+.4f)",
                        r.meanL0Reference(), r.meanL0Current(), r.meanL0Current() - r.meanL0Reference(),
                        r.meanCosineReference(), r.meanCosineCurrent(), r.meanCosineCurrent() - r.meanCosineReference()));
    }

    private void writeShift(Path dir, HtmlPage page) throws IOException {
        ShiftCsv.write(shift, dir.resolve("shift.csv"));
        String title = "Concept shift: " + currentName + " vs " + referenceName;
        Path volcano = ShiftPlots.volcano(shift, title, dir.resolve("volcano"));
        Path ranked = ShiftPlots.rankedBars(shift, title, top, dir.resolve("ranked"));
        page.heading("Reference " + referenceName + ", current " + currentName);
        summary(shift).forEach(page::paragraph);
        page.image(volcano, "volcano plot").image(ranked, "ranked prevalence changes");
        List<List<String>> rows = new ArrayList<>();
        shift.concepts().stream().limit(top).forEach(c -> rows.add(List.of(c.concept(), pct(c.prevalenceReference()),
                pct(c.prevalenceCurrent()), String.format(Locale.ROOT, "%+.2f%% [%+.2f, %+.2f]", 100 * c.difference(),
                        100 * c.differenceCi().low(), 100 * c.differenceCi().high()), sci(c.pValue()), sci(c.qValue()),
                sci(c.weightPValue()))));
        page.table(List.of("concept", "prevalence reference", "prevalence current", "difference [95% CI]", "p", "q",
                "weight p (Mann-Whitney)"), rows);
    }

    private void writePrevalence(Path dir, HtmlPage page) throws IOException {
        String base = "prevalence_by_" + prevalence.column().replaceAll("[^A-Za-z0-9_-]", "_");
        StringBuilder csv = new StringBuilder("concept," + "value,images,active,prevalence,ci_low,ci_high\n");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Proportion>> e : prevalence.byConcept().entrySet()) {
            for (int s = 0; s < prevalence.values().size(); s++) {
                Proportion p = e.getValue().get(s);
                Interval ci = p.wilson95();
                String value = prevalence.values().get(s);
                csv.append(ShiftCsv.quote(e.getKey())).append(',').append(ShiftCsv.quote(value)).append(',').append(p.trials())
                        .append(',').append(p.successes()).append(',').append(ShiftCsv.number(p.estimate())).append(',')
                        .append(ShiftCsv.number(ci.low())).append(',').append(ShiftCsv.number(ci.high())).append('\n');
                rows.add(List.of(e.getKey(), value, Long.toString(p.trials()), pct(p.estimate()),
                        pct(ci.low()) + " - " + pct(ci.high())));
            }
        }
        AtomicFiles.writeString(dir.resolve(base + ".csv"), csv.toString());
        Path png = PrevalenceLinePlot.write(prevalence, "Concept prevalence by " + prevalence.column() + " in " + prevalenceSource,
                dir.resolve(base));
        page.heading("Prevalence by " + prevalence.column() + " (" + prevalenceSource + ")").image(png, "prevalence by value");
        page.table(List.of("concept", prevalence.column(), "images", "prevalence", "95% Wilson interval"), rows);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
