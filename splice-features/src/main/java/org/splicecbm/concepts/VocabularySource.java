package org.splicecbm.concepts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Turns the {@code concepts.vocabulary} setting into a {@link Vocabulary}: one of SpLiCE's published vocabularies
 * ({@code laion}, 37,445 words; {@code laion_bigrams}, 10,000 words + 5,000 bigrams; {@code mscoco}, 12,833 lines),
 * fetched through {@link SpliceData}, or a user's file read under {@link VocabularyRules#STRICT}. An unknown name
 * is a {@link InvalidArgumentException} under {@code concepts.vocabulary}; a file with bad lines a {@link VocabularyException}.
 */
public final class VocabularySource {
    /** Names of SpLiCE's published vocabularies. */
    public static final List<String> BUILT_IN = ConceptsConfig.BUILT_IN_VOCABULARIES;

    private final SpliceData data;

    public VocabularySource(SpliceData data) {
        this.data = data;
    }

    /** Uses {@link SpliceData#fromEnvironment()}. */
    public static VocabularySource fromEnvironment() {
        return new VocabularySource(SpliceData.fromEnvironment());
    }

    /**
     * Resolves a built-in name or a file path. A built-in name wins over a file of the same name in the working
     * directory; write {@code ./laion} for the file. A leading {@code ~/} means the home directory.
     */
    public Vocabulary resolve(String nameOrPath) {
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        Path file = expandHome(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw InvalidArgumentException.invalid("concepts.vocabulary", "be one of " + String.join(", ", BUILT_IN)
                    + " or an existing vocabulary file", nameOrPath + " (no file at " + file.toAbsolutePath() + ")");
        }
        return Vocabulary.read(file);
    }

    private Vocabulary builtIn(String name) {
        String relative = "vocab/" + name + ".txt";
        try {
            return Vocabulary.read(data.file(relative), name, VocabularyRules.PUBLISHED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot get vocabulary " + name + ": " + e.getMessage(), e);
        }
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }
}
