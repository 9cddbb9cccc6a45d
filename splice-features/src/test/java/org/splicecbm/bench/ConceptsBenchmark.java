package org.splicecbm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.DictionaryMath;
import org.splicecbm.concepts.ImageMeanAccumulator;
import org.splicecbm.concepts.Vocabulary;
import org.splicecbm.concepts.VocabularyRules;
import org.splicecbm.concepts.WordBackbone;

/**
 * Times the concept stage's own work, without a CLIP model: reading and checking laion.txt, the dictionary formula
 * on 10,000 x 512, writing and re-reading a cached dictionary, and streaming 100,000 image embeddings into a mean.
 * Text encoding is replaced by precomputed random vectors, so these are the costs splice-cbm adds around the model.
 */
public final class ConceptsBenchmark {
    private ConceptsBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("splice.noProgress", "true");
        Path shared = org.splicecbm.SharedFixtures.spliceData();
        Path laionFile = shared.resolve("vocab/laion.txt");
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            Vocabulary laion = Vocabulary.read(laionFile, "laion", VocabularyRules.PUBLISHED);
            long t1 = System.nanoTime();
            report(round, "read+check laion.txt (" + laion.size() + " lines)", t1 - t0);

            // Stand-in text tower: a fixed random vector per text, so the timing excludes any model.
            WordBackbone backbone = WordBackbone.hashing("bench:random", 512);
            float[][] embeddings = backbone.embedTexts(laion.lastK(10_000));
            long t2 = System.nanoTime();
            DictionaryMath.centre(embeddings);
            report(round, "dictionary formula 10000 x 512", System.nanoTime() - t2);

            Path cache = Files.createTempDirectory("concepts-bench");
            long t3 = System.nanoTime();
            ConceptDictionary built = ConceptDictionaries.load(backbone, laion, 10_000, cache);
            long t4 = System.nanoTime();
            ConceptDictionaries.load(backbone, laion, 10_000, cache);
            long t5 = System.nanoTime();
            report(round, "build (random text vectors) + cache write 10000 x 512", t4 - t3);
            report(round, "cache hit: read + verify 10000 x 512 (" + built.size() + " rows)", t5 - t4);

            ImageMeanAccumulator acc = new ImageMeanAccumulator(512);
            float[][] batch = backbone.embedTexts(laion.lastK(1000));
            long t6 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                acc.addAll(batch);
            }
            report(round, "image mean over 100000 x 512 embeddings", System.nanoTime() - t6);
        }
    }

    private static void report(int round, String what, long nanos) {
        System.out.printf("round %d  %-60s %8.1f ms%n", round, what, nanos / 1e6);
    }
}
