package org.splicecbm.progress;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress for a stderr that is not a terminal (a log file, CI): no carriage-return frames, a plain line at most
 * every {@code intervalMillis} and the final state when the bar closes.
 */
final class PlainLines implements ProgressBarConsumer {
    private static final int WIDTH = 100;
    private final PrintStream out;
    private final long intervalMillis;
    private final LongSupplier clockMillis;
    private long lastPrinted = Long.MIN_VALUE;
    private String pending;

    PlainLines(PrintStream out, long intervalMillis, LongSupplier clockMillis) {
        this.out = out;
        this.intervalMillis = intervalMillis;
        this.clockMillis = clockMillis;
    }

    @Override
    public int getMaxRenderedLength() {
        return WIDTH;
    }

    @Override
    public synchronized void accept(String line) {
        long now = clockMillis.getAsLong();
        if (lastPrinted == Long.MIN_VALUE || now - lastPrinted >= intervalMillis) {
            out.println(line);
            lastPrinted = now;
            pending = null;
        } else {
            pending = line;
        }
    }

    @Override
    public synchronized void close() {
        if (pending != null) {
            out.println(pending);
            pending = null;
        }
        out.flush();
    }
}
