package org.splicecbm.backbone.transformer;

/**
 * The hyper-parameters of one pre-LN transformer encoder (a CLIP text or vision tower's trunk).
 *
 * @param width        residual width (Hugging Face {@code hidden_size})
 * @param layers       number of residual blocks
 * @param heads        attention heads; must divide {@code width}
 * @param mlpWidth     hidden width of the MLP ({@code intermediate_size})
 * @param layerNormEps epsilon of every LayerNorm
 * @param activation   MLP non-linearity
 */
public record EncoderShape(int width, int layers, int heads, int mlpWidth, double layerNormEps,
                           Activation activation) {
    public EncoderShape {
        if (width <= 0 || layers <= 0 || heads <= 0 || mlpWidth <= 0) {
            throw new IllegalArgumentException("encoder sizes must be positive, found width=" + width
                    + " layers=" + layers + " heads=" + heads + " mlpWidth=" + mlpWidth);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("hidden size " + width + " must be divisible by the number of"
                    + " attention heads " + heads);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must be given");
        }
    }

    /** Width of one attention head. */
    public int headWidth() {
        return width / heads;
    }
}
