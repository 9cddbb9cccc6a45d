package org.splicecbm.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.image.PreprocessSpec;

/** Test double for the dictionary math: maps each word to a fixed vector and counts text calls. */
public final class WordBackbone implements ClipBackbone {
    private final String name;
    private final int dim;
    private final Function<String, float[]> vectors;
    final List<List<String>> textCalls = new ArrayList<>();

    WordBackbone(String name, Map<String, float[]> table) {
        this(name, new java.util.TreeMap<>(table).firstEntry().getValue().length, word -> {
            float[] v = table.get(word);
            if (v == null) {
                throw new IllegalArgumentException("no vector for " + word);
            }
            return v.clone();
        });
    }

    private WordBackbone(String name, int dim, Function<String, float[]> vectors) {
        this.name = name;
        this.dim = dim;
        this.vectors = vectors;
    }

    /** A backbone for any word: a deterministic Gaussian vector seeded by the word and the backbone name. */
    public static WordBackbone hashing(String name, int dim) {
        return hashing(name, dim, name.hashCode());
    }

    /** Same, with the "weights" chosen by {@code seed}: two seeds under one name model replaced weights. */
    static WordBackbone hashing(String name, int dim, long seed) {
        return new WordBackbone(name, dim, word -> {
            Random r = new Random(word.hashCode() * 31L + seed);
            float[] v = new float[dim];
            for (int j = 0; j < dim; j++) {
                v[j] = (float) r.nextGaussian();
            }
            return v;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int embeddingDim() {
        return dim;
    }

    @Override
    public PreprocessSpec preprocessing() {
        return PreprocessSpec.clip(224);
    }

    @Override
    public float[][] embedImages(float[][] pixels) {
        throw new UnsupportedOperationException("a text-only test double");
    }

    @Override
    public float[][] embedTexts(List<String> texts) {
        textCalls.add(List.copyOf(texts));
        return texts.stream().map(vectors).toArray(float[][]::new);
    }

    /** Texts embedded for the dictionary itself, leaving out the one probe text each cached load embeds. */
    int conceptsEmbedded() {
        return textsEmbedded() - (int) textCalls.stream().filter(c -> c.equals(List.of(BackboneProbe.TEXT))).count();
    }

    int textsEmbedded() {
        return textCalls.stream().mapToInt(List::size).sum();
    }

    @Override
    public void close() {
    }
}
