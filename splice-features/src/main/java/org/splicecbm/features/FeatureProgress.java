package org.splicecbm.features;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.splicecbm.data.Split;

/**
 * How far a feature-stage run got, for the message printed when it is interrupted
 * ({@link org.splicecbm.progress.InterruptNotice}): the split and image count being embedded or the split being
 * decomposed, and what is kept (committed cache chunks, complete caches, feature sets written atomically).
 * Written by the stage's thread, read by the shutdown hook, hence volatile fields.
 */
final class FeatureProgress implements Supplier<String> {
    private final String work;
    private final List<String> cachedSplits = new CopyOnWriteArrayList<>();
    private final List<String> writtenSplits = new CopyOnWriteArrayList<>();
    private volatile String phase = "starting";
    private volatile String split = "";
    private volatile long done;
    private volatile long total;
    private volatile Path partial;

    FeatureProgress(String work) {
        this.work = work;
    }

    void waitingForCache(Split s, Path cache) {
        phase = "waiting";
        split = s.key();
        partial = cache;
    }

    void embedding(Split s, long alreadyCommitted, long images, Path partialDir) {
        phase = "embedding";
        split = s.key();
        done = alreadyCommitted;
        total = images;
        partial = partialDir;
    }

    void committed(long images) {
        done += images; // one writer thread
    }

    void cached(Split s) {
        cachedSplits.add(s.key());
    }

    void decomposing(Split s) {
        phase = "decomposing";
        split = s.key();
    }

    void written(Split s) {
        writtenSplits.add(s.key());
    }

    @Override
    public String get() {
        String kept = (cachedSplits.isEmpty() ? "" : "the complete embedding caches of " + String.join(", ", cachedSplits) + "; ")
                + (writtenSplits.isEmpty() ? "" : "the feature sets of " + String.join(", ", writtenSplits) + "; ");
        return switch (phase) {
            case "waiting" -> work + " of split " + split + " while waiting for another process to build the embedding cache "
                    + partial + "; kept: " + kept + "nothing of this run is half-written";
            case "embedding" -> String.format("%s of split %s after %,d of %,d images; kept: %sthe embedding cache's committed"
                    + " chunks (%,d images) in %s, resumable: rerun the same command", work, split, done, total, kept, done, partial);
            case "decomposing" -> work + " while decomposing split " + split + "; kept: " + kept
                    + "no partial feature set (each is written atomically as a whole)";
            default -> work + " before any embedding; nothing was written";
        };
    }
}
