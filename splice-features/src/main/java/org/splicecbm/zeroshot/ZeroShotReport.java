package org.splicecbm.zeroshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.splicecbm.data.Split;
import org.splicecbm.store.AtomicFiles;

/**
 * What a zero-shot study measured on one split: the dense CLIP baseline and one row per SpLiCE l1.
 *
 * @param dataset the dataset's name
 * @param split   the split classified
 * @param prompts the class prompts used
 * @param dense   dense CLIP's zero-shot accuracy
 * @param splice  SpLiCE reconstructions, in the order the l1 values were given
 */
public record ZeroShotReport(String dataset, Split split, ClassPrompts prompts, ZeroShotResult dense,
                             List<ZeroShotResult> splice) {
    /** The CSV header; the dense row has {@code dense} as its setting and empty l1 and L0. */
    public static final String CSV_HEADER = "setting,l1,mean_l0,mean_cosine,zero_shot_accuracy,images";

    public ZeroShotReport {
        splice = List.copyOf(splice);
    }

    /** The rows as CSV: the dense row first, then one per l1. */
    public String csv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        out.append(csvRow(dense));
        splice.forEach(r -> out.append(csvRow(r)));
        return out.toString();
    }

    /** Writes {@link #csv()} to {@code file} atomically (its folder is created). */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(file, csv());
    }

    /** A fixed-width table of the same rows, for the terminal. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s %8s %12s %12s %10s%n",
                "setting", "l1", "mean L0", "mean cosine", "accuracy"));
        out.append(String.format(Locale.ROOT, "%-10s %8s %12s %12.4f %10.4f%n", "dense", "-", "-",
                dense.meanCosine(), dense.accuracy()));
        for (ZeroShotResult r : splice) {
            out.append(String.format(Locale.ROOT, "%-10s %8s %12.4f %12.4f %10.4f%n", "splice", number(r.l1()),
                    r.meanL0(), r.meanCosine(), r.accuracy()));
        }
        return out.toString();
    }

    private static String csvRow(ZeroShotResult r) {
        return String.join(",", r.dense() ? "dense" : "splice", r.dense() ? "" : number(r.l1()),
                r.dense() ? "" : number(r.meanL0()), number(r.meanCosine()), number(r.accuracy()),
                Integer.toString(r.images())) + "\n";
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.valueOf(v);
    }
}
