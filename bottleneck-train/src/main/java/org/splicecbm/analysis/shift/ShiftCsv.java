package org.splicecbm.analysis.shift;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.splicecbm.store.AtomicFiles;

/** {@code shift.csv}: one row per tested concept in rank order; the first six columns are the stable interface. */
final class ShiftCsv {
    static final String HEADER = "concept,prevalence_reference,prevalence_current,difference,p_value,q_value,"
            + "difference_ci_low,difference_ci_high,active_reference,active_current,mean_weight_reference,"
            + "mean_weight_current,weight_difference_ci_low,weight_difference_ci_high,weight_p_value,weight_q_value";

    private ShiftCsv() {}

    static void write(ShiftResult result, Path file) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ConceptShift c : result.concepts()) {
            csv.append(quote(c.concept()));
            for (double v : new double[] {c.prevalenceReference(), c.prevalenceCurrent(), c.difference(), c.pValue(), c.qValue(),
                    c.differenceCi().low(), c.differenceCi().high()}) {
                csv.append(',').append(number(v));
            }
            csv.append(',').append(c.activeReference()).append(',').append(c.activeCurrent());
            for (double v : new double[] {c.meanWeightReference(), c.meanWeightCurrent(), c.weightDifferenceCi().low(),
                    c.weightDifferenceCi().high(), c.weightPValue(), c.weightQValue()}) {
                csv.append(',').append(number(v));
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** Full precision, so the table can be checked against other tools. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
