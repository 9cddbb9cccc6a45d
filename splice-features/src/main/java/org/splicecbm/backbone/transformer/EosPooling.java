package org.splicecbm.backbone.transformer;

/**
 * Which token's final state a CLIP text tower projects. Hugging Face transformers' CLIPTextTransformer
 * takes the arg-max token id when {@code eos_token_id == 2} (legacy configs, where the end-of-text token
 * has the largest id, as in OpenAI CLIP) and otherwise the first position holding {@code eos_token_id}.
 */
public record EosPooling(boolean argMax, long eosTokenId) {

    /** OpenAI CLIP's rule: the position of the largest token id (first one on ties). */
    public static EosPooling argMaxTokenId() {
        return new EosPooling(true, -1);
    }

    /** The first position whose token id equals {@code eosTokenId}. */
    public static EosPooling firstTokenId(long eosTokenId) {
        return new EosPooling(false, eosTokenId);
    }

    /** Transformers' choice for a text config's {@code eos_token_id}. */
    public static EosPooling forHuggingFace(long eosTokenId) {
        return eosTokenId == 2 ? argMaxTokenId() : firstTokenId(eosTokenId);
    }

    /**
     * The pooled position in one row of token ids.
     *
     * @throws IllegalArgumentException when the row holds no end-of-text token
     */
    public int position(long[] ids) {
        int best = 0;
        for (int i = 0; i < ids.length; i++) {
            if (argMax ? ids[i] > ids[best] : ids[i] == eosTokenId) {
                if (!argMax) {
                    return i;
                }
                best = i;
            }
        }
        if (!argMax) {
            throw new IllegalArgumentException("token ids hold no end-of-text token " + eosTokenId
                    + "; the tokenizer must append it (check tokenizer.json's post_processor)");
        }
        return best;
    }
}
