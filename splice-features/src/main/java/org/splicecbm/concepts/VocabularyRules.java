package org.splicecbm.concepts;

/**
 * How strictly a vocabulary file is read. Malformed UTF-8 is always an error; blank lines and repeated
 * concepts are errors under {@link #STRICT} (the rule for user files, since either usually means a
 * mistake in the file) and tolerated only where a published file is known to contain them.
 *
 * @param skipBlankLines   drop blank (or whitespace-only) lines instead of rejecting the file
 * @param keepLastDuplicate keep only the last occurrence of a repeated concept (the more frequent position,
 *                          since files run least to most frequent) instead of rejecting the file
 */
public record VocabularyRules(boolean skipBlankLines, boolean keepLastDuplicate) {
    /** Rejects blank lines and duplicates, listing every offending line. */
    public static final VocabularyRules STRICT = new VocabularyRules(false, false);

    /**
     * For SpLiCE's published files: {@code mscoco.txt} has one blank line (line 12825), which the reference
     * encodes as an empty-string concept. An empty column name cannot be shown or written to
     * {@code concepts.txt}, so it is dropped; duplicates stay errors.
     */
    public static final VocabularyRules PUBLISHED = new VocabularyRules(true, false);
}
