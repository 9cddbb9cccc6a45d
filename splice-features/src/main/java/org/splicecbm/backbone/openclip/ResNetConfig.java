package org.splicecbm.backbone.openclip;

import java.util.Arrays;

/**
 * Shape of OpenAI's ModifiedResNet image tower (Radford et al., 2021, section 2.4) as OpenCLIP's
 * {@code vision_cfg} gives it: RN50 is {@code layers=[3,4,6,3], width=64, image_size=224, head_width=64}.
 *
 * @param imageSize square input side in pixels; must be a multiple of 32 (the tower's total stride)
 * @param layers    Bottleneck blocks per stage (four stages)
 * @param width     stem width; stage {@code i} has {@code width * 2^i} mid channels and 4x that out
 * @param headWidth channels per attention-pooling head
 * @param embedDim  width of the joint embedding space the attention pool projects to
 */
public record ResNetConfig(int imageSize, int[] layers, int width, int headWidth, int embedDim) {
    /** Bottleneck expansion: a block's output has 4x its mid channels. */
    public static final int EXPANSION = 4;

    public ResNetConfig {
        if (layers.length != 4 || Arrays.stream(layers).anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("vision_cfg.layers must list 4 positive block counts, found "
                    + Arrays.toString(layers));
        }
        if (width < 2 || width % 2 != 0 || headWidth < 1 || embedDim < 1) {
            throw new IllegalArgumentException("vision_cfg.width must be even and positive, head_width and embed_dim"
                    + " positive; found width=" + width + " head_width=" + headWidth + " embed_dim=" + embedDim);
        }
        if (imageSize < 32 || imageSize % 32 != 0) {
            throw new IllegalArgumentException("vision_cfg.image_size must be a positive multiple of 32, found " + imageSize);
        }
        if (poolWidth(width) % headWidth != 0) {
            throw new IllegalArgumentException("the attention pool width " + poolWidth(width)
                    + " (width*32) must be divisible by vision_cfg.head_width " + headWidth);
        }
        layers = layers.clone();
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    /** Channels entering the attention pool: the last stage's output, {@code width * 32}. */
    public int poolWidth() {
        return poolWidth(width);
    }

    /** Attention-pool heads, {@code width * 32 / head_width} as OpenCLIP computes them. */
    public int poolHeads() {
        return poolWidth() / headWidth;
    }

    /** Side of the final feature map: {@code image_size / 32}. */
    public int featureGrid() {
        return imageSize / 32;
    }

    /** Mid channels of the Bottlenecks in stage {@code stage} (0-based). */
    public int stageMidChannels(int stage) {
        return width << stage;
    }

    private static int poolWidth(int width) {
        return width * 32;
    }
}
