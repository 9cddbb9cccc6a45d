package org.splicecbm.backbone.openclip;

import ai.djl.ndarray.NDArray;
import org.splicecbm.backbone.transformer.Activation;
import org.splicecbm.backbone.transformer.EncoderShape;
import org.splicecbm.backbone.transformer.EosPooling;
import org.splicecbm.backbone.transformer.LayerNaming;
import org.splicecbm.backbone.transformer.LayerNormWeights;
import org.splicecbm.backbone.transformer.TextTower;
import org.splicecbm.backbone.transformer.TextTowerConfig;
import org.splicecbm.backbone.transformer.TransformerEncoder;
import org.splicecbm.backbone.transformer.WeightSource;

/**
 * Builds the shared {@link TextTower} from an OpenCLIP / OpenAI checkpoint's text tensors ({@code token_embedding},
 * {@code positional_embedding}, {@code transformer.resblocks.N.*}, {@code ln_final}, {@code text_projection}):
 * a causal pre-LN transformer with MLP width 4x, LayerNorm eps 1e-5, pooled at the arg-max token id
 * (OpenAI's end-of-text token has the largest id).
 */
final class OpenClipTextTower {
    private static final double LAYER_NORM_EPS = 1e-5;
    private static final int MLP_RATIO = 4;

    private OpenClipTextTower() {}

    static TextTowerConfig config(OpenClipConfig config) {
        OpenClipConfig.TextShape t = config.text();
        EncoderShape encoder = new EncoderShape(t.width(), t.layers(), t.heads(), MLP_RATIO * t.width(), LAYER_NORM_EPS,
                config.quickGelu() ? Activation.QUICK_GELU : Activation.GELU);
        return new TextTowerConfig(encoder, t.vocabSize(), t.contextLength(), config.vision().embedDim(),
                EosPooling.argMaxTokenId());
    }

    static TextTower load(TextTowerConfig config, WeightSource source) {
        long width = config.encoder().width();
        TransformerEncoder encoder = TransformerEncoder.load(config.encoder(), LayerNaming.openAi("transformer.resblocks"),
                source);
        // OpenAI stores the projection as [width, embed] and applies x @ P; the shared tower wants nn.Linear's [embed, width].
        NDArray projection = source.load("text_projection", width, config.projectionDim());
        NDArray linearLayout = projection.transpose().duplicate();
        projection.close();
        return new TextTower(config,
                source.load("token_embedding.weight", config.vocabSize(), width),
                source.load("positional_embedding", config.contextLength(), width),
                encoder, new LayerNormWeights(source.load("ln_final.weight", width), source.load("ln_final.bias", width)),
                linearLayout);
    }
}
