package org.splicecbm.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.runconfig.SweepConfig.Metric;
import org.splicecbm.sweep.TrialParams;
import org.splicecbm.sweep.TrialResult;

class SweepReportTest {
    @TempDir
    Path dir;

    private static TrialResult r(int size, double l1, double probe, double val, double balanced, double test, double l0) {
        return new TrialResult(new TrialParams(size, l1, probe), val, balanced, val, test, test, l0, 0.75, 30, 10, 3.0, "run",
                "id" + size + l1 + probe);
    }

    private final List<TrialResult> results = List.of(
            r(5000, 0.1, 0.0, 0.80, 0.70, 0.99, 20),
            r(5000, 0.1, 1e-3, 0.85, 0.60, 0.50, 20),
            r(5000, 0.3, 0.0, 0.85, 0.90, 0.60, 5),
            r(10000, 0.1, 0.0, 0.70, 0.70, 0.70, 25));

    @Test
    void bestUsesTheValidationMetricNeverTestAndTiesGoToTheEarlierTrial() {
        assertSame(results.get(1), SweepReport.best(results, Metric.VAL_ACCURACY), "0.85 first reached by trial 1; test 0.99 is ignored");
        assertSame(results.get(2), SweepReport.best(results, Metric.VAL_BALANCED_ACCURACY));
    }

    @Test
    void thePlotPointPerFeatureSetIsTheProbeChosenOnValidation() {
        Map<Integer, Map<Double, TrialResult>> selected = SweepReport.selectedPerFeatureSet(results, Metric.VAL_ACCURACY);
        assertEquals(List.of(5000, 10000), List.copyOf(selected.keySet()));
        assertSame(results.get(1), selected.get(5000).get(0.1));
        assertSame(results.get(2), selected.get(5000).get(0.3));
    }

    @Test
    void csvHasOneRowPerTrialAndMarksTheBest() throws IOException {
        SweepReport.writeCsv(dir.resolve("trials.csv"), results, Metric.VAL_ACCURACY);
        List<String> lines = Files.readAllLines(dir.resolve("trials.csv"));
        assertEquals(SweepReport.HEADER, lines.get(0));
        assertEquals(5, lines.size());
        assertEquals("1,5000,0.1,0.001,20.0000,0.750000,30,10,3.0000,0.850000,0.600000,0.850000,0.500000,0.500000,true,run,id50000.10.001", lines.get(2));
        assertEquals(1, lines.stream().filter(l -> l.contains(",true,")).count());
    }

    @Test
    void plotAndTableAreWritten() throws IOException {
        Path png = SweepReport.writePlot("t", dir.resolve("plot"), results, Metric.VAL_ACCURACY);
        assertTrue(Files.size(png) > 1000 && Files.size(dir.resolve("plot.svg")) > 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SweepReport.print(new PrintStream(out, true, StandardCharsets.UTF_8), results, Metric.VAL_ACCURACY);
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(6, table.lines().count(), table);
        assertTrue(table.contains("best by val_accuracy: size 5000, splice l1 0.1, probe l1 0.001"), table);
    }
}
