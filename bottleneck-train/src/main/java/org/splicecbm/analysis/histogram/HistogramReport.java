package org.splicecbm.analysis.histogram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splicecbm.analysis.HtmlPage;
import org.splicecbm.analysis.stats.Interval;
import org.splicecbm.analysis.stats.Proportion;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.AtomicFiles;

/**
 * The output folder of {@code splice histogram}, written as one unit: {@code histogram.csv} (counts per class
 * and bin), {@code active.csv} (active share per class, 95% Wilson interval), {@code tests.csv} (between classes),
 * {@code histogram.png/.svg} and the self-contained {@code histogram.html}.
 */
public final class HistogramReport {
    private HistogramReport() {}

    /** The lines printed by the command and shown on the page. */
    public static List<String> summary(ConceptHistogram h) {
        List<String> lines = new ArrayList<>();
        for (ClassWeights c : h.classes()) {
            Proportion p = c.active();
            Interval ci = p.wilson95();
            lines.add(String.format(Locale.ROOT, "%s: %d images, concepts active in %d (%.2f%%, 95%% Wilson interval %.2f%% - %.2f%%)",
                    c.className(), p.trials(), p.successes(), 100 * p.estimate(), 100 * ci.low(), 100 * ci.high()));
        }
        for (ConceptHistogram.PairTest t : h.tests()) {
            Interval d = t.activeShares().differenceInterval95();
            lines.add(String.format(Locale.ROOT, "%s vs %s: active share difference %+.2f%% [%+.2f, %+.2f], two-proportion z-test"
                    + " p = %.3g; Mann-Whitney U on mean weights p = %.3g", t.second(), t.first(),
                    100 * t.activeShares().difference(), 100 * d.low(), 100 * d.high(), t.activeShares().pValue(), t.weights().pValue()));
        }
        return lines;
    }

    public static void write(ConceptHistogram h, String title, List<String> context, Path out) throws IOException {
        AtomicDirectory.write(out, dir -> {
            StringBuilder counts = new StringBuilder("class,bin_low,bin_high,count\n");
            StringBuilder active = new StringBuilder("class,images,active,share,ci_low,ci_high\n");
            for (int k = 0; k < h.classes().size(); k++) {
                String name = h.classes().get(k).className();
                for (int b = 0; b < ConceptHistogram.BINS; b++) {
                    counts.append(name).append(',').append(num(h.edges()[b])).append(',').append(num(h.edges()[b + 1]))
                            .append(',').append(h.counts()[k][b]).append('\n');
                }
                Proportion p = h.classes().get(k).active();
                active.append(name).append(',').append(p.trials()).append(',').append(p.successes()).append(',')
                        .append(num(p.estimate())).append(',').append(num(p.wilson95().low())).append(',')
                        .append(num(p.wilson95().high())).append('\n');
            }
            StringBuilder tests = new StringBuilder("first,second,active_difference,active_p_value,mann_whitney_u,mann_whitney_p_value\n");
            for (ConceptHistogram.PairTest t : h.tests()) {
                tests.append(t.first()).append(',').append(t.second()).append(',').append(num(t.activeShares().difference()))
                        .append(',').append(num(t.activeShares().pValue())).append(',').append(num(t.weights().u()))
                        .append(',').append(num(t.weights().pValue())).append('\n');
            }
            AtomicFiles.writeString(dir.resolve("histogram.csv"), counts.toString());
            AtomicFiles.writeString(dir.resolve("active.csv"), active.toString());
            AtomicFiles.writeString(dir.resolve("tests.csv"), tests.toString());
            Path png = HistogramPlot.write(h, title, dir.resolve("histogram"));
            HtmlPage page = new HtmlPage(title);
            context.forEach(page::paragraph);
            summary(h).forEach(page::paragraph);
            page.image(png, "concept histogram").write(dir.resolve("histogram.html"));
        });
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.17g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
