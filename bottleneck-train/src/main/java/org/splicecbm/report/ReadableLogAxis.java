package org.splicecbm.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A horizontal log axis whose ticks sit at readable numbers: 1, 2, 5 times powers of ten, or, when the data span
 * less than that gives three ticks, at evenly stepped round values (10.8, 11, 11.2). JFreeChart's {@link LogAxis}
 * labels such a narrow span as powers ({@code 10^1.03}) or not at all.
 */
final class ReadableLogAxis extends LogAxis {
    private static final DecimalFormat FORMAT = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));

    ReadableLogAxis(String label) {
        super(label);
    }

    @Override
    public List<Tick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<Tick> ticks = new ArrayList<>();
        for (double v : values(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(TickType.MAJOR, v, FORMAT.format(v), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0));
        }
        return ticks;
    }

    /** The tick values for the range {@code [lower, upper]} ({@code lower > 0}). */
    static List<Double> values(double lower, double upper) {
        List<Double> decades = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lower)); k <= (int) Math.ceil(Math.log10(upper)); k++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, k);
                if (v >= lower && v <= upper) {
                    decades.add(v);
                }
            }
        }
        if (decades.size() >= 3) {
            return decades;
        }
        double step = niceStep((upper - lower) / 6);
        List<Double> even = new ArrayList<>();
        for (double v = Math.ceil(lower / step) * step; v <= upper + step * 1e-9; v += step) {
            even.add(Math.round(v / step) * step);
        }
        return even;
    }

    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int m : new int[] {1, 2, 5}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
