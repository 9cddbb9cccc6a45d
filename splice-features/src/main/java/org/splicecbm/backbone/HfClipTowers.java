package org.splicecbm.backbone;

import org.splicecbm.backbone.transformer.EncoderShape;
import org.splicecbm.backbone.transformer.LayerNaming;
import org.splicecbm.backbone.transformer.LayerNormWeights;
import org.splicecbm.backbone.transformer.TextTower;
import org.splicecbm.backbone.transformer.TextTowerConfig;
import org.splicecbm.backbone.transformer.TransformerEncoder;
import org.splicecbm.backbone.transformer.VisionTower;
import org.splicecbm.backbone.transformer.VisionTowerConfig;
import org.splicecbm.backbone.transformer.WeightSource;

/** Builds both CLIP towers from tensors named as transformers' {@code CLIPModel} saves them. */
public final class HfClipTowers {
    private HfClipTowers() {}

    /** The text tower, tensors named {@code text_model.*} and {@code text_projection.weight}. */
    public static TextTower text(TextTowerConfig config, WeightSource source) {
        EncoderShape shape = config.encoder();
        long d = shape.width();
        TransformerEncoder encoder = TransformerEncoder.load(shape,
                LayerNaming.huggingFace("text_model.encoder.layers"), source);
        return new TextTower(config,
                source.load("text_model.embeddings.token_embedding.weight", config.vocabSize(), d),
                source.load("text_model.embeddings.position_embedding.weight", config.contextLength(), d),
                encoder, norm(source, "text_model.final_layer_norm", d),
                source.load("text_projection.weight", config.projectionDim(), d));
    }

    /** The image tower, tensors named {@code vision_model.*} and {@code visual_projection.weight}. */
    public static VisionTower vision(VisionTowerConfig config, WeightSource source) {
        EncoderShape shape = config.encoder();
        long d = shape.width();
        TransformerEncoder encoder = TransformerEncoder.load(shape,
                LayerNaming.huggingFace("vision_model.encoder.layers"), source);
        return new VisionTower(config,
                source.load("vision_model.embeddings.patch_embedding.weight", d, config.channels(),
                        config.patchSize(), config.patchSize()),
                source.load("vision_model.embeddings.class_embedding", d),
                source.load("vision_model.embeddings.position_embedding.weight", config.tokens(), d),
                // "layrnorm" is transformers' own spelling of this tensor.
                norm(source, "vision_model.pre_layrnorm", d), encoder, norm(source, "vision_model.post_layernorm", d),
                source.load("visual_projection.weight", config.projectionDim(), d));
    }

    private static LayerNormWeights norm(WeightSource source, String prefix, long width) {
        return new LayerNormWeights(source.load(prefix + ".weight", width), source.load(prefix + ".bias", width));
    }
}
