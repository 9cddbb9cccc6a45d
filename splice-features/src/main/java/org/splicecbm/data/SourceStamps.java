package org.splicecbm.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a split's embeddings were built from: per sample id, the {@link ImageSource#fingerprint() stamp}
 * of its image (a file's size and modification time, a CIFAR batch's hash and record). Stored with the
 * embedding cache as {@code <id>\t<stamp>} lines, it keeps a cache keyed without touching images
 * ({@link ImageDataset#membershipFingerprint}) honest: a present image whose stamp changed invalidates
 * the cache, a missing one does not (it was archived or its disk detached after embedding).
 */
public final class SourceStamps {
    private final Map<String, String> byId;

    private SourceStamps(Map<String, String> byId) {
        this.byId = byId;
    }

    /** How the images on disk compare to the stamps: ids whose image changed, and locations not found. */
    public record Check(List<String> changed, List<String> missing) {
        public boolean unchanged() {
            return changed.isEmpty();
        }
    }

    /**
     * Stamps every image of {@code samples}; all must be present, since they are about to be embedded.
     *
     * @throws IOException naming the missing images (how many, the first few) before any work is done
     */
    public static SourceStamps of(List<Sample> samples, String what) throws IOException {
        List<String> missing = new ArrayList<>();
        Map<String, String> byId = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.source().exists()) {
                byId.put(s.id(), s.source().fingerprint());
            } else {
                missing.add(s.source().location());
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(missing.size() + " of " + samples.size() + " images of " + what + " not found: "
                    + String.join(", ", missing.subList(0, Math.min(3, missing.size()))) + (missing.size() > 3 ? ", ..." : "")
                    + "; they are needed to embed " + what + " (no complete embedding cache has them): restore them,"
                    + " or fix dataset.root or the paths listed in the dataset");
        }
        return new SourceStamps(byId);
    }

    /** Reads stamps from their stored lines. */
    public static SourceStamps parse(List<String> lines) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : lines) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                byId.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return new SourceStamps(byId);
    }

    /** The stored form, one {@code <id>\t<stamp>} line per sample, in sample order. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(byId.size());
        byId.forEach((id, stamp) -> out.add(id + '\t' + stamp));
        return out;
    }

    /** True when nothing was recorded (a cache from before stamps were kept). */
    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Compares the images of {@code samples} that are present with these stamps. */
    public Check check(List<Sample> samples) throws IOException {
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Sample s : samples) {
            if (!s.source().exists()) {
                missing.add(s.source().location());
            } else if (!s.source().fingerprint().equals(byId.get(s.id()))) {
                changed.add(s.source().location());
            }
        }
        return new Check(changed, missing);
    }
}
