package org.splicecbm.image;

import java.util.Arrays;

/**
 * How a CLIP backbone wants its pixels: resize the shorter side to {@code shortestEdge} (bicubic,
 * antialiased when shrinking, as PIL does), centre-crop to {@code cropHeight x cropWidth}, multiply by
 * {@code rescaleFactor}, then normalise each RGB channel with {@code mean} and {@code std}. The output
 * is CHW float32, channel order R, G, B.
 */
public record PreprocessSpec(int shortestEdge, int cropHeight, int cropWidth, double rescaleFactor,
                             float[] mean, float[] std, CenterCrop centerCrop) {

    /** CLIP's own normalisation constants (OpenAI), used by every SpLiCE backbone. */
    public static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    public static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    public PreprocessSpec {
        if (shortestEdge <= 0 || cropHeight <= 0 || cropWidth <= 0) {
            throw new IllegalArgumentException("image sizes must be positive, found shortest_edge=" + shortestEdge
                    + " crop=" + cropHeight + "x" + cropWidth);
        }
        if (mean == null || mean.length != 3 || std == null || std.length != 3) {
            throw new IllegalArgumentException("image_mean and image_std must have 3 values (R, G, B), found "
                    + Arrays.toString(mean) + " and " + Arrays.toString(std));
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("image_std values must be > 0, found " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
        centerCrop = centerCrop == null ? CenterCrop.TRANSFORMERS : centerCrop;
    }

    /** A spec with transformers' crop offsets ({@link CenterCrop#TRANSFORMERS}). */
    public PreprocessSpec(int shortestEdge, int cropHeight, int cropWidth, double rescaleFactor, float[] mean, float[] std) {
        this(shortestEdge, cropHeight, cropWidth, rescaleFactor, mean, std, CenterCrop.TRANSFORMERS);
    }

    /** Every value that changes the pixels, as text (cache keys, metadata). */
    public String describe() {
        return "edge=" + shortestEdge + ",crop=" + cropHeight + "x" + cropWidth + ",rescale=" + rescaleFactor
                + ",mean=" + Arrays.toString(mean) + ",std=" + Arrays.toString(std) + ",center_crop=" + centerCrop;
    }

    @Override
    public String toString() {
        return "PreprocessSpec[" + describe() + "]";
    }

    /** The same spec with another crop-offset rule. */
    public PreprocessSpec withCenterCrop(CenterCrop crop) {
        return new PreprocessSpec(shortestEdge, cropHeight, cropWidth, rescaleFactor, mean, std, crop);
    }

    /** CLIP's standard preprocessing at {@code size} x {@code size}. */
    public static PreprocessSpec clip(int size) {
        return new PreprocessSpec(size, size, size, 1.0 / 255.0, CLIP_MEAN, CLIP_STD);
    }

    /** Number of floats in one preprocessed image (3 x cropHeight x cropWidth). */
    public int pixelCount() {
        return 3 * cropHeight * cropWidth;
    }
}
