package org.splicecbm.backbone;

/**
 * Token ids and attention mask for a batch of texts, each row padded to the model's context length.
 *
 * @param ids  one row of {@code contextLength} token ids per text
 * @param mask 1 for real tokens (start, text, end), 0 for padding
 */
public record TokenBatch(long[][] ids, long[][] mask) {
    /** Number of texts. */
    public int size() {
        return ids.length;
    }
}
