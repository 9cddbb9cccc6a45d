package org.splicecbm.backbone;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.splicecbm.engine.DjlRuntime;

/**
 * CLIP's byte-level BPE tokenizer, read from a Hugging Face {@code tokenizer.json} through DJL's binding
 * of the Rust tokenizers library. Every text becomes exactly {@code contextLength} ids: the tokenizer's
 * own template adds {@code <|startoftext|> … <|endoftext|>}; longer texts are cut so that the end token
 * survives, as transformers' truncation does; shorter ones are padded with the config's
 * {@code pad_token_id} (DJL would pad with 0, which is a real BPE token).
 */
public final class ClipTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final int contextLength;
    private final long padTokenId;

    private ClipTokenizer(HuggingFaceTokenizer tokenizer, int contextLength, long padTokenId) {
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.padTokenId = padTokenId;
    }

    /**
     * Loads a tokenizer.
     *
     * @param contextLength the text tower's {@code max_position_embeddings} (77 for CLIP)
     * @param padTokenId    the text config's {@code pad_token_id}
     */
    public static ClipTokenizer open(Path tokenizerJson, int contextLength, long padTokenId) {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new ClipModelException("tokenizer not found: " + tokenizerJson
                    + " (export the model's fast tokenizer with tokenizer.save_pretrained)");
        }
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must hold start and end tokens, found "
                    + contextLength);
        }
        DjlRuntime.configure();
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true).optTruncation(false).optPadding(false).build();
            return new ClipTokenizer(tokenizer, contextLength, padTokenId);
        } catch (IOException | RuntimeException e) {
            throw new ClipModelException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    /** Number of ids per text. */
    public int contextLength() {
        return contextLength;
    }

    /** Tokenises texts, in order. */
    public TokenBatch encode(List<String> texts) {
        long[][] ids = new long[texts.size()][];
        long[][] mask = new long[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            long[] raw = encodeOne(texts.get(i));
            int used = Math.min(raw.length, contextLength);
            ids[i] = Arrays.copyOf(raw, contextLength);
            if (raw.length > contextLength) {
                // Keep the closing <|endoftext|>: the text tower pools there.
                ids[i][contextLength - 1] = raw[raw.length - 1];
            }
            Arrays.fill(ids[i], used, contextLength, padTokenId);
            mask[i] = new long[contextLength];
            Arrays.fill(mask[i], 0, used, 1L);
        }
        return new TokenBatch(ids, mask);
    }

    private long[] encodeOne(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] raw = encoding.getIds();
        if (raw.length < 2) {
            throw new ClipModelException("tokenizer produced " + raw.length + " ids for \"" + text
                    + "\"; CLIP needs start and end tokens (tokenizer.json lacks a post_processor template?)");
        }
        return raw;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
