package org.splicecbm.concepts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.splicecbm.store.Sha256;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * An ordered list of concept words or phrases, as SpLiCE uses them (Bhalla et al., NeurIPS 2024, Sec. 4.1):
 * one concept per line of a UTF-8 file sorted from least to most frequent, so that a vocabulary of size k
 * is the <em>last</em> k lines. Carries the SHA-256 of the file it came from, so caches built from it can
 * tell when the file changed.
 */
public final class Vocabulary {
    private final String name;
    private final String fileName;
    private final String source;
    private final String sha256;
    private final List<String> concepts;
    private final boolean linesDropped;

    private Vocabulary(String name, String fileName, String source, String sha256, List<String> concepts, boolean linesDropped) {
        this.name = name;
        this.fileName = fileName;
        this.source = source;
        this.sha256 = sha256;
        this.concepts = concepts;
        this.linesDropped = linesDropped;
    }

    /** Reads a user's vocabulary file under {@link VocabularyRules#STRICT}; its name is the file name without {@code .txt}. */
    public static Vocabulary read(Path file) {
        return read(file, stem(file.getFileName().toString()), VocabularyRules.STRICT);
    }

    /** Reads {@code file} under {@code rules}, naming the vocabulary {@code name}. */
    public static Vocabulary read(Path file, String name, VocabularyRules rules) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return parse(content, name, file.getFileName().toString(), file.toAbsolutePath().toString(), rules);
    }

    /** Builds a vocabulary from a file's bytes; {@code source} says where they came from (path or URL). */
    public static Vocabulary parse(byte[] content, String name, String fileName, String source, VocabularyRules rules) {
        VocabularyParser parser = new VocabularyParser(fileName, rules);
        List<String> concepts = parser.parse(content);
        if (concepts.isEmpty()) {
            throw new VocabularyException("vocabulary " + fileName + " holds no concepts; write one concept per line");
        }
        return new Vocabulary(name, fileName, source, Sha256.hex(content), concepts, concepts.size() != parser.physicalLines());
    }

    /** Short name: {@code laion}, {@code mscoco}, ... or the file's name without {@code .txt}. */
    public String name() {
        return name;
    }

    /** The file's name, e.g. {@code laion.txt}. */
    public String fileName() {
        return fileName;
    }

    /** Where the file was read from: an absolute path (possibly in the download cache) or a URL. */
    public String source() {
        return source;
    }

    /** Lower-case hex SHA-256 of the whole file as read. */
    public String sha256() {
        return sha256;
    }

    /** All concepts, least frequent first. */
    public List<String> concepts() {
        return concepts;
    }

    public int size() {
        return concepts.size();
    }

    /**
     * The vocabulary of size k: the last k concepts (the k most frequent), in file order.
     *
     * @throws InvalidArgumentException under key {@code concepts.size} when k is not in 1..{@link #size()}
     */
    public List<String> lastK(int k) {
        String what = linesDropped ? "concept lines in " : "lines in ";
        InvalidArgumentException.require(k > 0, "concepts.size", "be > 0", k);
        InvalidArgumentException.require(k <= concepts.size(), "concepts.size",
                "be ≤ " + concepts.size() + " (" + what + fileName + ")", k);
        return concepts.subList(concepts.size() - k, concepts.size());
    }

    private static String stem(String fileName) {
        return fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    @Override
    public String toString() {
        return "Vocabulary[" + name + ", " + concepts.size() + " concepts, sha256 " + sha256.substring(0, 12) + "]";
    }
}
