package org.splicecbm.backbone.openclip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.splicecbm.backbone.ClipModelException;

/**
 * The id of CLIP's {@code <|endoftext|>} token in a {@code tokenizer.json}. OpenCLIP checkpoints ship no text
 * config with a pad id; the Hugging Face CLIP tokenizers pad with the end-of-text token, which the arg-max
 * pooling and causal mask make equivalent to OpenCLIP's zero padding.
 */
final class EndOfTextToken {
    static final String TOKEN = "<|endoftext|>";

    private EndOfTextToken() {}

    static long idIn(Path tokenizerJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(tokenizerJson.toFile());
        } catch (IOException e) {
            throw new ClipModelException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
        for (JsonNode added : root.path("added_tokens")) {
            if (TOKEN.equals(added.path("content").asText())) {
                return added.path("id").asLong();
            }
        }
        JsonNode vocab = root.path("model").path("vocab").path(TOKEN);
        if (vocab.canConvertToLong()) {
            return vocab.asLong();
        }
        throw new ClipModelException(tokenizerJson + " has no " + TOKEN + " token (neither in added_tokens nor in"
                + " model.vocab); is it a CLIP tokenizer?");
    }
}
