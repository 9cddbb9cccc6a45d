package org.splicecbm.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of a feature set's {@code meta.json} that decides whether a trained probe applies to it:
 * the CLIP backbone and the concept vocabulary (name and size) define what each column means; the
 * SpLiCE l1 penalty and the dictionary checksum are recorded for provenance. Read as a JSON tree so
 * that the probe depends only on these keys of the feature-set format.
 */
public record FeatureFingerprint(String backbone, String vocabulary, int vocabularySize, double l1Penalty,
                                 String dictionaryChecksum) {

    static final String BACKBONE = "backbone";
    static final String VOCABULARY = "vocabulary";
    static final String VOCABULARY_SIZE = "vocabulary_size";
    static final String L1_PENALTY = "l1_penalty";
    static final String DICTIONARY_CHECKSUM = "dictionary_sha256";

    /** Reads the fingerprint from a feature set's {@code meta.json}. */
    public static FeatureFingerprint read(Path metaJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(metaJson));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read feature-set metadata " + metaJson + ": " + e.getMessage(), e);
        }
        return fromJson(root, metaJson.toString());
    }

    /** The fingerprint of a feature set already read (from a folder or built in memory). */
    public static FeatureFingerprint of(org.splicecbm.store.FeatureSetMeta meta) {
        return new FeatureFingerprint(meta.backbone(), meta.vocabulary(), meta.vocabularySize(), meta.l1Penalty(),
                meta.dictionarySha256() == null ? "" : meta.dictionarySha256());
    }

    static FeatureFingerprint fromJson(JsonNode root, String source) {
        return new FeatureFingerprint(required(root, BACKBONE, source).asText(), required(root, VOCABULARY, source).asText(),
                required(root, VOCABULARY_SIZE, source).asInt(), required(root, L1_PENALTY, source).asDouble(),
                root.path(DICTIONARY_CHECKSUM).asText(""));
    }

    void writeTo(com.fasterxml.jackson.databind.node.ObjectNode node) {
        node.put(BACKBONE, backbone).put(VOCABULARY, vocabulary).put(VOCABULARY_SIZE, vocabularySize)
                .put(L1_PENALTY, l1Penalty).put(DICTIONARY_CHECKSUM, dictionaryChecksum);
    }

    /**
     * Throws unless {@code features} has the same backbone, vocabulary and vocabulary size as the
     * features this probe was trained on; the message lists every field that differs.
     */
    public void requireCompatible(FeatureFingerprint features, String modelSource) {
        List<String> differences = new ArrayList<>();
        compare(differences, BACKBONE, backbone, features.backbone);
        compare(differences, VOCABULARY, vocabulary, features.vocabulary);
        compare(differences, VOCABULARY_SIZE, vocabularySize, features.vocabularySize);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the probe (" + modelSource + ") was trained on different features: "
                    + String.join("; ", differences) + ". Extract features with the probe's backbone and vocabulary, or train a new probe");
        }
    }

    private static void compare(List<String> differences, String key, Object model, Object features) {
        if (!Objects.equals(model, features)) {
            differences.add(key + " is " + features + " in the features but " + model + " in the probe");
        }
    }

    private static JsonNode required(JsonNode root, String key, String source) {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(source + ": feature-set metadata lacks the key '" + key
                    + "'; re-extract the feature set with `splice features`");
        }
        return value;
    }
}
