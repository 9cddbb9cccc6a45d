package org.splicecbm.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.analysis.shift.PrevalenceByValue;
import org.splicecbm.analysis.shift.ShiftAnalysis;
import org.splicecbm.analysis.shift.ShiftReport;
import org.splicecbm.analysis.shift.ShiftResult;
import org.splicecbm.analysis.stats.Proportion;

/**
 * {@code splice shift} as a library call: open the feature sets, compare them ({@link ShiftAnalysis}) and/or
 * follow chosen concepts along a manifest column ({@link PrevalenceByValue}), validate everything, then write
 * the report folder and record an MLflow run. Nothing is written when any input is wrong.
 *
 * @param reference feature-set folder or {@code config[:split]}; null for a column-only study
 * @param current   feature-set folder or {@code config[:split]}
 * @param byColumn  manifest column to follow, or null
 * @param concepts  concepts to follow along {@code byColumn}
 */
public record ShiftStudy(String reference, String current, String byColumn, List<String> concepts, ShiftAnalysis analysis,
                         int top, Path out, AnalysisTracking tracking) {

    /** Runs the study; returns the lines to print. */
    public List<String> run() throws IOException {
        if (reference == null && byColumn == null) {
            throw new IllegalArgumentException("give --reference A to compare against, or --by COLUMN to follow concepts along a column");
        }
        FeatureSetInput cur = FeatureSetInput.open("--current", current);
        ShiftReport report = new ShiftReport();
        List<String> lines = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        params.put("current", current);
        if (reference != null) {
            FeatureSetInput ref = FeatureSetInput.open("--reference", reference);
            ShiftResult result = analysis.run(reference, ref.set(), current, cur.set());
            report.withShift(result, reference, current, top);
            lines.addAll(ShiftReport.summary(result));
            params.put("reference", reference);
            params.put("stratified", Boolean.toString(result.stratified()));
            params.put("min_active", Integer.toString(result.minActive()));
            metrics.put("concepts_tested", (double) result.concepts().size());
            metrics.put("discoveries_q05", (double) result.discoveries(0.05).size());
            metrics.put("global_p_value", result.global().pValue());
            metrics.put("mean_l0_change", result.meanL0Current() - result.meanL0Reference());
            metrics.put("mean_cosine_change", result.meanCosineCurrent() - result.meanCosineReference());
        }
        if (byColumn != null) {
            int[] columns = new NameLookup("concept", cur.set().concepts()).indices("--concepts", concepts);
            PrevalenceByValue byValue = PrevalenceByValue.of(byColumn, cur.set().features(), cur.columnValues(byColumn),
                    concepts, columns);
            report.withPrevalence(byValue, current);
            lines.addAll(table(byValue));
            params.put("by", byColumn);
            params.put("concepts", String.join(",", concepts));
        }
        report.write(out);
        lines.add("report: " + out.resolve("shift.html") + (reference != null ? ", table: " + out.resolve("shift.csv") : ""));
        String runId = tracking.log("shift", params, metrics, out);
        lines.add("MLflow run " + runId + " in " + tracking.uri());
        return lines;
    }

    private static List<String> table(PrevalenceByValue byValue) {
        List<String> lines = new ArrayList<>();
        lines.add("prevalence by " + byValue.column() + " (95% Wilson interval):");
        byValue.byConcept().forEach((concept, props) -> {
            for (int s = 0; s < props.size(); s++) {
                Proportion p = props.get(s);
                lines.add(String.format(java.util.Locale.ROOT, "  %s %s=%s: %.4f [%.4f, %.4f] of %d images", concept, byValue.column(),
                        byValue.values().get(s), p.estimate(), p.wilson95().low(), p.wilson95().high(), p.trials()));
            }
        });
        return lines;
    }
}
