package org.splicecbm.concepts;

import java.util.List;
import org.splicecbm.backbone.ClipBackbone;

/**
 * The embedding of one fixed text, stored with a cached dictionary. A backbone's name alone does not pin its
 * weights (a local model directory can be overwritten in place), so a cached dictionary is reused only when the
 * backbone still embeds this text the same way. Compared with a tolerance, not hashed: thread counts may change
 * the last bits of a forward pass.
 */
record BackboneProbe(String text, float[] embedding) {
    static final String TEXT = "a photo of a dog";
    /** Relative to the largest magnitude; weight changes move the embedding far more than reduction order does. */
    private static final double TOLERANCE = 1e-4;

    static BackboneProbe of(ClipBackbone backbone) {
        return new BackboneProbe(TEXT, backbone.embedTexts(List.of(TEXT))[0]);
    }

    boolean matches(BackboneProbe other) {
        if (!text.equals(other.text) || embedding.length != other.embedding.length) {
            return false;
        }
        double scale = 1e-12;
        double worst = 0;
        for (int j = 0; j < embedding.length; j++) {
            scale = Math.max(scale, Math.abs(embedding[j]));
            worst = Math.max(worst, Math.abs(embedding[j] - other.embedding[j]));
        }
        return worst <= TOLERANCE * scale;
    }
}
