package org.splicecbm.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.probe.PathPoint;
import org.splicecbm.probe.PathResult;
import org.splicecbm.store.AtomicFiles;

/**
 * The files of a regularisation path run: {@code path.csv} (one row per penalty), {@code accuracy-at-nec.csv}
 * and the accuracy-against-NEC plot ({@code accuracy-vs-nec.png/.svg}), all written atomically.
 */
public final class PathFiles {
    private static final String HEADER = "l1,nonzeros,effective_concepts,nec,objective,kkt_violation,val_accuracy,"
            + "val_balanced_accuracy,test_accuracy,test_balanced_accuracy,seconds";

    private PathFiles() {}

    /** Writes the files into {@code dir}; returns their paths. */
    public static List<Path> write(Path dir, String title, PathResult path) throws IOException {
        List<Path> files = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (PathPoint p : path.points()) {
            csv.append(row(p)).append('\n');
        }
        files.add(dir.resolve("path.csv"));
        AtomicFiles.writeString(files.get(0), csv.toString());
        StringBuilder atNec = new StringBuilder("nec_target,l1,nec,test_accuracy,val_accuracy\n");
        for (PathResult.AtNec at : path.atNec()) {
            PathPoint p = at.point();
            atNec.append(at.target()).append(',').append(p == null ? ",,," : String.format(Locale.ROOT, "%.6g,%.4f,%.6f,%.6f",
                    p.l1(), p.nec(), p.testAccuracy(), p.valAccuracy())).append('\n');
        }
        files.add(dir.resolve("accuracy-at-nec.csv"));
        AtomicFiles.writeString(files.get(1), atNec.toString());
        Map<String, List<SparsityAccuracyPlot.Point>> series = new LinkedHashMap<>();
        series.put("test", path.points().stream().map(p -> new SparsityAccuracyPlot.Point(p.nec(), p.testAccuracy()))
                .filter(p -> Double.isFinite(p.accuracy())).toList());
        series.put("validation", path.points().stream().map(p -> new SparsityAccuracyPlot.Point(p.nec(), p.valAccuracy()))
                .filter(p -> Double.isFinite(p.accuracy())).toList());
        files.add(SparsityAccuracyPlot.write(title + ": accuracy against NEC", "NEC (nonzero weights per class, log scale)", series,
                dir.resolve("accuracy-vs-nec")));
        return files;
    }

    static String row(PathPoint p) {
        return String.format(Locale.ROOT, "%.6g,%d,%d,%.4f,%.10f,%.3g,%.6f,%.6f,%.6f,%.6f,%.3f", p.l1(), p.nonzeros(),
                p.effectiveConcepts(), p.nec(), p.objective(), p.kktViolation(), p.valAccuracy(), p.valBalancedAccuracy(),
                p.testAccuracy(), p.testBalancedAccuracy(), p.seconds());
    }
}
