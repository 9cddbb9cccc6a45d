package org.splicecbm.progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long work (downloads, embedding, solving, training), with throughput and ETA,
 * written to stderr so that stdout stays machine-readable: on a terminal one line redrawn in place and fitted to
 * its width ({@link ProgressLine}); otherwise a plain line every {@link #PLAIN_INTERVAL_MILLIS} ms and one at the
 * end ({@link PlainLines}). Set {@code SPLICE_NO_PROGRESS=1} to silence them.
 */
public final class Progress {
    static final long PLAIN_INTERVAL_MILLIS = 10_000;

    private Progress() {}

    /** Opens a bar for {@code total} units (use -1 when unknown); close it when the work ends. */
    public static ProgressBar bar(String task, long total, String unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setRenderer(new ProgressLine(unit))
                .setUpdateIntervalMillis(500)
                .continuousUpdate();
        if (silenced()) {
            builder.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(line -> { }));
        } else if (System.console() == null) {
            builder.setConsumer(new PlainLines(System.err, PLAIN_INTERVAL_MILLIS, System::currentTimeMillis));
        }
        return builder.build();
    }

    private static boolean silenced() {
        String v = System.getenv("SPLICE_NO_PROGRESS");
        return (v != null && !v.isEmpty() && !v.equals("0")) || Boolean.getBoolean("splice.noProgress");
    }
}
