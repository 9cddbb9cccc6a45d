package org.splicecbm.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.nio.charset.StandardCharsets;

/**
 * JPEG samples turned into RGB the way PIL (libjpeg) does it, without ICC colour management: the raw
 * decoded components come from the reader's {@code readRaster} (no colour conversion), the colour space is
 * chosen with libjpeg's rules (JFIF or Adobe markers, else component ids), YCbCr and YCCK are converted
 * with libjpeg's 16-bit fixed-point tables, and CMYK uses PIL's {@code R = (255 - K) - C (255 - K) / 255},
 * with the samples inverted when an Adobe APP14 marker is present (Photoshop's convention, as PIL assumes).
 * Java's readers would instead apply an embedded ICC profile, which PIL ignores.
 */
final class JpegColours {
    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int CR_R = fix(1.40200);
    private static final int CB_B = fix(1.77200);
    private static final int CR_G = fix(0.71414);
    private static final int CB_G = fix(0.34414);

    private JpegColours() {}

    /** The colour spaces libjpeg distinguishes. */
    enum Space { GREY, YCBCR, RGB, CMYK, YCCK }

    /** What the markers before the first scan say: component ids, JFIF, Adobe transform (-1 if no Adobe marker). */
    record Header(int[] componentIds, boolean jfif, int adobeTransform) {
        /** libjpeg's {@code default_decompress_parms}. */
        Space space() throws IllegalStateException {
            int n = componentIds.length;
            if (n == 1) {
                return Space.GREY;
            }
            if (n == 3) {
                if (jfif) {
                    return Space.YCBCR;
                }
                if (adobeTransform >= 0) {
                    return adobeTransform == 0 ? Space.RGB : Space.YCBCR;
                }
                boolean rgbIds = componentIds[0] == 'R' && componentIds[1] == 'G' && componentIds[2] == 'B';
                return rgbIds ? Space.RGB : Space.YCBCR;
            }
            if (n == 4) {
                return adobeTransform > 0 ? Space.YCCK : Space.CMYK;
            }
            return null;
        }
    }

    /** Walks the marker segments up to the first scan. */
    static Header header(byte[] b) {
        int[] ids = new int[0];
        boolean jfif = false;
        int transform = -1;
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
            int data = i + 4;
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && data + 6 <= b.length) {
                int n = b[data + 5] & 0xFF;
                ids = new int[n];
                for (int c = 0; c < n && data + 6 + 3 * c < b.length; c++) {
                    ids[c] = b[data + 6 + 3 * c] & 0xFF;
                }
            } else if (marker == 0xE0 && length >= 7 && startsWith(b, data, "JFIF\0")) {
                jfif = true;
            } else if (marker == 0xEE && length >= 14 && data + 11 < b.length && startsWith(b, data, "Adobe")) {
                transform = b[data + 11] & 0xFF;
            }
            i += 2 + length;
        }
        return new Header(ids, jfif, transform);
    }

    /** Converts the raw raster to RGB; null when the component count is not one libjpeg handles (1, 3, 4). */
    static BufferedImage toRgb(Raster raw, Header header) {
        Space space = header.space();
        int bands = raw.getNumBands();
        if (space == null || bands != header.componentIds().length) {
            return null;
        }
        int w = raw.getWidth();
        int h = raw.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[bands * w];
        boolean adobeInverted = header.adobeTransform() >= 0;
        for (int y = 0; y < h; y++) {
            raw.getPixels(raw.getMinX(), raw.getMinY() + y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int o = bands * x;
                rgb[y * w + x] = switch (space) {
                    case GREY -> row[o] * 0x010101;
                    case RGB -> row[o] << 16 | row[o + 1] << 8 | row[o + 2];
                    case YCBCR -> yccToRgb(row[o], row[o + 1], row[o + 2]);
                    case CMYK -> cmyk(row, o, adobeInverted);
                    case YCCK -> ycck(row, o, adobeInverted);
                };
            }
        }
        return out;
    }

    /** libjpeg's {@code ycc_rgb_convert}. */
    private static int yccToRgb(int luma, int cbSample, int crSample) {
        int cb = cbSample - 128;
        int cr = crSample - 128;
        int r = luma + ((CR_R * cr + ONE_HALF) >> SCALE_BITS);
        int g = luma + ((-CB_G * cb + ONE_HALF - CR_G * cr) >> SCALE_BITS);
        int b = luma + ((CB_B * cb + ONE_HALF) >> SCALE_BITS);
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    /** libjpeg's {@code ycck_cmyk_convert} (C = 255 - R etc., K unchanged), then the CMYK rule. */
    private static int ycck(int[] s, int o, boolean inverted) {
        int rgb = yccToRgb(s[o], s[o + 1], s[o + 2]);
        int[] cmyk = {255 - (rgb >> 16 & 0xFF), 255 - (rgb >> 8 & 0xFF), 255 - (rgb & 0xFF), s[o + 3]};
        return cmyk(cmyk, 0, inverted);
    }

    private static int cmyk(int[] s, int o, boolean inverted) {
        int c = inverted ? 255 - s[o] : s[o];
        int m = inverted ? 255 - s[o + 1] : s[o + 1];
        int y = inverted ? 255 - s[o + 2] : s[o + 2];
        int nk = inverted ? s[o + 3] : 255 - s[o + 3];
        return clamp(nk - mulDiv255(c, nk)) << 16 | clamp(nk - mulDiv255(m, nk)) << 8 | clamp(nk - mulDiv255(y, nk));
    }

    /** PIL's MULDIV255: a * b / 255 rounded, in integers. */
    private static int mulDiv255(int a, int b) {
        int tmp = a * b + 128;
        return ((tmp >> 8) + tmp) >> 8;
    }

    private static int fix(double x) {
        return (int) (x * (1L << SCALE_BITS) + 0.5);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        byte[] p = ascii.getBytes(StandardCharsets.US_ASCII);
        if (at + p.length > b.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (b[at + i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
