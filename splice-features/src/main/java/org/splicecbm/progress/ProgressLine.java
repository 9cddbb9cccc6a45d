package org.splicecbm.progress;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * One progress line that fits a width: {@code label 42% [=====     ] 1,234/6,500 img 16.2 img/s ETA 5:24}. The
 * bar keeps at least {@link #MIN_BAR} cells; a long label is shortened in its middle instead. The rate is the
 * work done since the bar started over the time since then (fractions of a second count), so it is real from the
 * first batches on.
 */
public final class ProgressLine implements ProgressBarRenderer {
    static final int MIN_BAR = 10;
    private static final int MAX_BAR = 30;
    private final String unit;

    ProgressLine(String unit) {
        this.unit = unit;
    }

    @Override
    public String render(ProgressState state, int maxLength) {
        return format(state.getTaskName(), state.getCurrent() - state.getStart(), state.getMax(), state.getElapsedAfterStart(),
                unit, maxLength);
    }

    /** The line for {@code done} of {@code total} units ({@code total <= 0}: unknown) after {@code elapsed}, at most {@code width} wide. */
    public static String format(String label, long done, long total, Duration elapsed, String unit, int width) {
        double seconds = elapsed.toNanos() / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String counts = total > 0 ? String.format(Locale.ROOT, "%,d/%,d %s", done, total, unit) : String.format(Locale.ROOT, "%,d %s", done, unit);
        String speed = rate > 0 ? String.format(Locale.ROOT, " %s %s/s", rate >= 100 ? String.format(Locale.ROOT, "%,.0f", rate)
                : String.format(Locale.ROOT, "%.1f", rate), unit) : "";
        String eta = total > 0 && rate > 0 && done < total ? " ETA " + clock(Math.round((total - done) / rate)) : "";
        String tail = " " + counts + speed + eta;
        if (total <= 0) {
            return fit(label, width - tail.length()) + tail;
        }
        String percent = String.format(Locale.ROOT, " %3d%% ", Math.min(100, done * 100 / total));
        int fixed = percent.length() + 2 + tail.length();
        int bar = Math.max(MIN_BAR, Math.min(MAX_BAR, width - fixed - Math.min(label.length(), 24)));
        String name = fit(label, width - fixed - bar);
        int filled = (int) Math.min(bar, done * bar / total);
        return name + percent + "[" + "=".repeat(filled) + " ".repeat(bar - filled) + "]" + tail;
    }

    /** {@code label} in at most {@code room} characters, shortened in the middle ({@code decom…st/train}). */
    static String fit(String label, int room) {
        if (label.length() <= room) {
            return label;
        }
        if (room < 5) {
            return label.substring(0, Math.max(0, room));
        }
        int head = (room - 1) / 2;
        return label.substring(0, head) + "…" + label.substring(label.length() - (room - 1 - head));
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
