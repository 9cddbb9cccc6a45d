package org.splicecbm.concepts;

import java.time.Instant;

/**
 * What a concept dictionary was built from, stored next to it so that a cached dictionary is only reused for
 * the same backbone, the same vocabulary file content and the same size.
 *
 * @param backbone          the backbone's name ({@link org.splicecbm.backbone.ClipBackbone#name()})
 * @param vocabulary        the vocabulary's name ({@code laion}, or a file's stem)
 * @param vocabularySha256  SHA-256 of the vocabulary file
 * @param size              k, the number of concepts (the last k lines)
 * @param embeddingDim      d, the width of each row
 * @param matrixSha256      SHA-256 of the c x d matrix as little-endian float32, row-major (the {@code .npy} body)
 * @param createdAt         when the dictionary was encoded
 */
public record DictionaryProvenance(String backbone, String vocabulary, String vocabularySha256, int size,
                                   int embeddingDim, String matrixSha256, Instant createdAt) {

    /** True when this dictionary was built from the same inputs (the creation time and matrix digest aside). */
    public boolean sameInputs(String otherBackbone, String otherVocabularySha256, int otherSize) {
        return backbone.equals(otherBackbone) && vocabularySha256.equals(otherVocabularySha256) && size == otherSize;
    }
}
