package org.splicecbm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code decompose-image} calls the {@code splice} facade, whose argument errors name its API ({@code vocabularySize},
 * {@code optL1}, {@code Splice.imageMean}); the user typed flags, so the command reports them in its flags'
 * terms ({@code --vocab-size}, {@code --l1}, {@code --image-mean}). The facade keeps its own wording for library users.
 */
final class FlagTerms {
    private static final Map<String, String> DECOMPOSE_IMAGE = new LinkedHashMap<>();

    static {
        DECOMPOSE_IMAGE.put("vocabularySize must be", "--vocab-size must be");
        DECOMPOSE_IMAGE.put("optL1: the l1 penalty", "--l1: the l1 penalty");
        DECOMPOSE_IMAGE.put("optDevice: the device", "--device: the device");
        DECOMPOSE_IMAGE.put("SpLiCE published image means only for", "--image-mean published: SpLiCE published image means only for");
        DECOMPOSE_IMAGE.put("give the model an image mean (SpliceOptions.optImageMean, e.g. Splice.imageMean of embeddings of your images)",
                "pass --image-mean FILE.npy (the mean embedding of your images under this backbone)");
        DECOMPOSE_IMAGE.put("the image mean is SpLiCE's", "--image-mean: the image mean is SpLiCE's");
        DECOMPOSE_IMAGE.put("the image mean (", "--image-mean: the image mean (");
        DECOMPOSE_IMAGE.put("(Splice.imageMean)", "(--image-mean FILE.npy computed with this backbone)");
        DECOMPOSE_IMAGE.put("compute the mean with the same backbone (Splice.imageMean)",
                "compute the --image-mean file with the same backbone");
    }

    private FlagTerms() {}

    /** The facade's error reworded in {@code decompose-image}'s flags (unchanged when no library term occurs). */
    static IllegalArgumentException decomposeImage(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        String worded = message;
        for (Map.Entry<String, String> term : DECOMPOSE_IMAGE.entrySet()) {
            worded = worded.replace(term.getKey(), term.getValue());
        }
        return worded.equals(message) ? e : new IllegalArgumentException(worded, e);
    }

    /** A file given by {@code flag} must exist: "not found" with the path, before anything is loaded. */
    static Path existingFile(String flag, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(flag + ": not found: " + file.toAbsolutePath()
                    + (Files.isDirectory(file) ? " is a folder, not a file" : ""));
        }
        return file;
    }
}
