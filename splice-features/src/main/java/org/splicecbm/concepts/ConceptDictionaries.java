package org.splicecbm.concepts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.progress.Progress;
import org.splicecbm.store.Sha256;

/**
 * Builds SpLiCE concept dictionaries (Bhalla et al., NeurIPS 2024, Sec. 4.1) and caches them on disk: encoding
 * 10,000 concepts with a CLIP text tower takes minutes on a CPU, reading them back milliseconds.
 */
public final class ConceptDictionaries {
    /** Texts per {@link ClipBackbone#embedTexts} call. */
    public static final int TEXT_BATCH = 256;

    private ConceptDictionaries() {}

    /** The default cache folder: {@code <cache root>/dictionaries} (see {@link SpliceData#cacheRoot()}). */
    public static Path defaultCacheDir() {
        return SpliceData.cacheRoot().resolve("dictionaries");
    }

    /**
     * The dictionary of the last k concepts of {@code vocab} for {@code backbone}: from {@code cacheDir} when a
     * cached copy was built from the same backbone (same name, and the same embedding of one probe text, so that
     * replaced weights are noticed), the same vocabulary content and the same k; else encoded and then cached.
     *
     * @throws org.splicecbm.validation.InvalidArgumentException under {@code concepts.size} when k is out of range
     */
    public static ConceptDictionary load(ClipBackbone backbone, Vocabulary vocab, int k, Path cacheDir) {
        List<String> concepts = vocab.lastK(k);
        DictionaryCache cache = new DictionaryCache(cacheDir);
        Path entry = cache.entry(backbone.name(), vocab.name(), vocab.sha256(), k);
        BackboneProbe probe = BackboneProbe.of(backbone);
        Optional<ConceptDictionary> cached = cache.read(entry, backbone.name(), probe, vocab.sha256(), concepts);
        if (cached.isPresent()) {
            return cached.get();
        }
        ConceptDictionary built = build(backbone, vocab, k);
        try {
            cache.write(entry, built, probe);
        } catch (IOException e) {
            throw new UncheckedIOException("could not cache the concept dictionary in " + entry + ": " + e.getMessage(), e);
        }
        return built;
    }

    /**
     * Encodes the last k concepts (plain text, no prompt template, as the reference does) without any cache, and
     * applies {@link DictionaryMath#centre}: normalise each row, subtract the mean row, normalise again.
     */
    public static ConceptDictionary build(ClipBackbone backbone, Vocabulary vocab, int k) {
        List<String> concepts = vocab.lastK(k);
        float[][] embeddings = embed(backbone, concepts);
        float[][] dictionary = DictionaryMath.centre(embeddings);
        DictionaryProvenance provenance = new DictionaryProvenance(backbone.name(), vocab.name(), vocab.sha256(), k,
                backbone.embeddingDim(), Sha256.ofMatrix(dictionary), Instant.now());
        return new ConceptDictionary(concepts, dictionary, provenance);
    }

    private static float[][] embed(ClipBackbone backbone, List<String> concepts) {
        float[][] out = new float[concepts.size()][];
        try (ProgressBar bar = Progress.bar("Encoding concepts", concepts.size(), "concepts")) {
            for (int start = 0; start < concepts.size(); start += TEXT_BATCH) {
                List<String> batch = concepts.subList(start, Math.min(start + TEXT_BATCH, concepts.size()));
                float[][] rows = embedBatch(backbone, batch, start);
                checkBatch(backbone, batch, rows, start);
                System.arraycopy(rows, 0, out, start, rows.length);
                bar.stepBy(rows.length);
            }
        }
        return out;
    }

    private static float[][] embedBatch(ClipBackbone backbone, List<String> batch, int start) {
        try {
            return backbone.embedTexts(batch);
        } catch (RuntimeException e) {
            throw new IllegalStateException("backbone " + backbone.name() + " could not embed concepts " + (start + 1) + ".."
                    + (start + batch.size()) + " of the dictionary (\"" + batch.get(0) + "\" ... \"" + batch.get(batch.size() - 1)
                    + "\"): " + e.getMessage(), e);
        }
    }

    private static void checkBatch(ClipBackbone backbone, List<String> batch, float[][] rows, int start) {
        if (rows.length != batch.size()) {
            throw new IllegalStateException("backbone " + backbone.name() + " returned " + rows.length + " embeddings for "
                    + batch.size() + " texts (concepts " + start + ".." + (start + batch.size() - 1) + ")");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != backbone.embeddingDim()) {
                throw new IllegalStateException("backbone " + backbone.name() + " embedded \"" + batch.get(i) + "\" into "
                        + rows[i].length + " values, but says its embedding width is " + backbone.embeddingDim());
            }
            for (float x : rows[i]) {
                if (!Float.isFinite(x)) {
                    throw new IllegalStateException("backbone " + backbone.name() + " produced a non-finite value embedding \""
                            + batch.get(i) + "\"");
                }
            }
        }
    }
}
