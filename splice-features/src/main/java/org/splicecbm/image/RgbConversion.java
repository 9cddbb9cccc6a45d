package org.splicecbm.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Converts a decoded image to 8-bit RGB the way PIL's {@code convert("RGB")} does, working on raw
 * samples rather than {@link BufferedImage#getRGB}, which would apply Java's colour management (a linear
 * grey colour space turns grey 128 into 188) where PIL applies none:
 * alpha is dropped without compositing; grey is replicated; palette indices are looked up;
 * (JPEGs go through {@link JpegColours});
 * 16-bit RGB(A) and grey+alpha keep the high byte; 16-bit grey (PIL mode "I") is clipped at 255.
 */
final class RgbConversion {
    private RgbConversion() {}

    static BufferedImage toRgb(BufferedImage image, String sourceName) throws ImageDecodeException {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int bands = raster.getNumBands();
        int[] row = new int[w * bands];
        PixelRule rule = ruleFor(model, raster, sourceName);
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                rgb[y * w + x] = rule.rgb(row, x * bands);
            }
        }
        return out;
    }

    /** Packs one pixel, given the raw samples of a row and the offset of its first band. */
    @FunctionalInterface
    private interface PixelRule {
        int rgb(int[] samples, int offset);
    }

    private static PixelRule ruleFor(ColorModel model, Raster raster, String sourceName) throws ImageDecodeException {
        boolean sixteenBit = raster.getTransferType() == DataBuffer.TYPE_USHORT;
        int colourComponents = model.getNumColorComponents();
        if (model instanceof IndexColorModel palette) {
            return (s, o) -> palette.getRGB(s[o]) & 0xFFFFFF;
        }
        int type = model.getColorSpace().getType();
        if (type == ColorSpace.TYPE_GRAY && colourComponents == 1) {
            if (sixteenBit && !model.hasAlpha()) {
                return (s, o) -> grey(Math.min(s[o], 255));
            }
            return sixteenBit ? (s, o) -> grey(s[o] >> 8) : (s, o) -> grey(s[o]);
        }
        if (type == ColorSpace.TYPE_RGB && colourComponents == 3) {
            return sixteenBit ? (s, o) -> pack(s[o] >> 8, s[o + 1] >> 8, s[o + 2] >> 8) : (s, o) -> pack(s[o], s[o + 1], s[o + 2]);
        }
        throw new ImageDecodeException(sourceName, "unsupported pixel layout: colour space type " + type + " with "
                + colourComponents + " colour components" + (sixteenBit ? " at 16 bits" : "")
                + "; convert the image to 8-bit RGB or grey");
    }

    private static int grey(int v) {
        return pack(v, v, v);
    }

    private static int pack(int r, int g, int b) {
        return clip(r) << 16 | clip(g) << 8 | clip(b);
    }

    private static int clip(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
