package org.splicecbm.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * CLIP's image preprocessing as Hugging Face transformers' {@code CLIPImageProcessor} performs it:
 * resize the shorter side to {@link PreprocessSpec#shortestEdge()} with PIL's bicubic filter
 * ({@link PilBicubic}), the longer side to {@code int(size * long / short)}; centre-crop with
 * {@code top = (h - crop_h) // 2} (zero padding when the image is smaller than the crop); multiply by
 * the rescale factor; normalise each channel. Thread-safe: it holds only immutable state.
 *
 * <p>{@link CenterCrop#TORCHVISION} gives the crop offsets of torchvision's {@code CenterCrop} instead (OpenAI
 * {@code clip.load} and OpenCLIP preprocessing); everything else is the same in both pipelines.
 */
public final class ImagePreprocessor {
    private final PreprocessSpec spec;
    private final CenterCrop crop;

    /** The preprocessing {@code spec} describes, including its crop-offset rule. */
    public ImagePreprocessor(PreprocessSpec spec) {
        this(spec, spec.centerCrop());
    }

    public ImagePreprocessor(PreprocessSpec spec, CenterCrop crop) {
        this.spec = spec;
        this.crop = crop;
    }

    public CenterCrop centerCrop() {
        return crop;
    }

    public PreprocessSpec spec() {
        return spec;
    }

    /** Preprocesses one image into {@link PreprocessSpec#pixelCount()} floats, CHW, channels R, G, B. */
    public float[] apply(BufferedImage image) {
        BufferedImage rgbImage = image.getType() == BufferedImage.TYPE_INT_RGB ? image : toIntRgb(image);
        int w = rgbImage.getWidth();
        int h = rgbImage.getHeight();
        int[] pixels = packedPixels(rgbImage);
        int[] size = resizedSize(w, h, spec.shortestEdge());
        int[] resized = PilBicubic.resize(pixels, w, h, size[0], size[1]);
        return cropAndNormalise(resized, size[0], size[1]);
    }

    /**
     * The output size (width, height) transformers' {@code get_resize_output_image_size} gives for
     * {@code shortest_edge}: the short side becomes {@code edge}, the long side {@code int(edge * long / short)}.
     */
    static int[] resizedSize(int width, int height, int edge) {
        int shortSide = Math.min(width, height);
        int longSide = Math.max(width, height);
        int newLong = (int) ((double) ((long) edge * longSide) / shortSide);
        return width <= height ? new int[] {edge, newLong} : new int[] {newLong, edge};
    }

    private float[] cropAndNormalise(int[] rgb, int width, int height) {
        int cropH = spec.cropHeight();
        int cropW = spec.cropWidth();
        // A negative offset means the image is padded with zeros (black) first.
        int top = crop.offset(height, cropH);
        int left = crop.offset(width, cropW);
        float[] out = new float[spec.pixelCount()];
        int plane = cropH * cropW;
        float[] mean = spec.mean();
        float[] std = spec.std();
        double scale = spec.rescaleFactor();
        for (int y = 0; y < cropH; y++) {
            int sy = y + top;
            for (int x = 0; x < cropW; x++) {
                int sx = x + left;
                int p = sy >= 0 && sy < height && sx >= 0 && sx < width ? rgb[sy * width + sx] : 0;
                int at = y * cropW + x;
                out[at] = normalise(p >>> 16 & 0xFF, scale, mean[0], std[0]);
                out[plane + at] = normalise(p >>> 8 & 0xFF, scale, mean[1], std[1]);
                out[2 * plane + at] = normalise(p & 0xFF, scale, mean[2], std[2]);
            }
        }
        return out;
    }

    private static float normalise(int value, double scale, float mean, float std) {
        // transformers rescales in float64, casts to float32, then normalises in float32.
        float rescaled = (float) (value * scale);
        return (rescaled - mean) / std;
    }

    private static int[] packedPixels(BufferedImage rgbImage) {
        if (rgbImage.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && rgbImage.getRaster().getSampleModelTranslateX() == 0 && rgbImage.getRaster().getSampleModelTranslateY() == 0
                && ints.getData().length == rgbImage.getWidth() * rgbImage.getHeight()) {
            return ints.getData();
        }
        return rgbImage.getRGB(0, 0, rgbImage.getWidth(), rgbImage.getHeight(), null, 0, rgbImage.getWidth());
    }

    /** Other layouts get PIL's {@code convert("RGB")} semantics too (no colour management, alpha dropped). */
    private static BufferedImage toIntRgb(BufferedImage image) {
        try {
            return RgbConversion.toRgb(image, "image");
        } catch (ImageDecodeException e) {
            throw new IllegalArgumentException(e.getMessage() + "; decode files with ImageDecoder", e);
        }
    }
}
