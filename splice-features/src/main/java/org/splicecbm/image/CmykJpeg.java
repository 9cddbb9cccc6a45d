package org.splicecbm.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Four-component (CMYK or Adobe YCCK) JPEGs converted the way PIL does, without ICC colour management:
 * libjpeg turns YCCK into CMYK, PIL treats the samples as inverted when an Adobe APP14 marker is present
 * (Photoshop's convention), then applies {@code R = (255 - K) - C (255 - K) / 255}. The raw samples come
 * from the reader's {@code readRaster}, which applies no colour conversion.
 */
final class CmykJpeg {
    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);

    private CmykJpeg() {}

    /** What the JPEG header says about its colours: component count and the Adobe transform (-1 if no marker). */
    record Header(int components, int adobeTransform) {
        boolean fourComponents() {
            return components == 4;
        }
    }

    /** Walks the marker segments before the first scan. */
    static Header header(byte[] b) {
        int components = -1;
        int transform = -1;
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
            int data = i + 4;
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && data + 5 < b.length) {
                components = b[data + 5] & 0xFF;
            } else if (marker == 0xEE && length >= 14 && data + 11 < b.length
                    && new String(b, data, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("Adobe")) {
                transform = b[data + 11] & 0xFF;
            }
            i += 2 + length;
        }
        return new Header(components, transform);
    }

    /** Converts the raw four-band raster to RGB. */
    static BufferedImage toRgb(Raster raw, Header header) {
        int w = raw.getWidth();
        int h = raw.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[4 * w];
        boolean ycck = header.adobeTransform() == 2;
        boolean inverted = header.adobeTransform() >= 0;
        for (int y = 0; y < h; y++) {
            raw.getPixels(raw.getMinX(), raw.getMinY() + y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int o = 4 * x;
                if (ycck) {
                    yccToInvertedCmy(row, o);
                }
                if (inverted) {
                    for (int c = 0; c < 4; c++) {
                        row[o + c] = 255 - row[o + c];
                    }
                }
                rgb[y * w + x] = pilCmykToRgb(row[o], row[o + 1], row[o + 2], row[o + 3]);
            }
        }
        return out;
    }

    /** libjpeg's {@code ycck_cmyk_convert}: YCC to RGB with 16-bit fixed point, then C = 255 - R etc.; K unchanged. */
    private static void yccToInvertedCmy(int[] s, int o) {
        int luma = s[o];
        int cb = s[o + 1] - 128;
        int cr = s[o + 2] - 128;
        int r = luma + ((fix(1.40200) * cr + ONE_HALF) >> SCALE_BITS);
        int g = luma + ((-fix(0.34414) * cb + ONE_HALF - fix(0.71414) * cr) >> SCALE_BITS);
        int b = luma + ((fix(1.77200) * cb + ONE_HALF) >> SCALE_BITS);
        s[o] = 255 - clamp(r);
        s[o + 1] = 255 - clamp(g);
        s[o + 2] = 255 - clamp(b);
    }

    private static int fix(double x) {
        return (int) (x * (1L << SCALE_BITS) + 0.5);
    }

    private static int pilCmykToRgb(int c, int m, int y, int k) {
        int nk = 255 - k;
        return clamp(nk - mulDiv255(c, nk)) << 16 | clamp(nk - mulDiv255(m, nk)) << 8 | clamp(nk - mulDiv255(y, nk));
    }

    /** PIL's MULDIV255: a * b / 255 rounded, in integers. */
    private static int mulDiv255(int a, int b) {
        int tmp = a * b + 128;
        return ((tmp >> 8) + tmp) >> 8;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
