package org.splicecbm.image;

/**
 * Bicubic resizing of 8-bit RGB pixels that reproduces PIL's {@code Image.resize(size, Image.BICUBIC)}
 * bit for bit (PIL's {@code libImaging/Resample.c}): a separable two-pass filter, horizontal pass first,
 * with the cubic kernel of a = -0.5 whose support is widened by the scale factor when shrinking
 * (antialiasing), normalised coefficients turned into 22-bit fixed-point integers, and rounding plus
 * clipping to 8 bits after each pass. A pass whose size does not change is skipped, as in PIL.
 *
 * <p>Pixels are packed {@code 0xRRGGBB} ints in row-major order.
 */
public final class PilBicubic {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;

    private PilBicubic() {}

    /** Resizes a {@code width x height} image to {@code outWidth x outHeight}. */
    public static int[] resize(int[] rgb, int width, int height, int outWidth, int outHeight) {
        if (rgb.length != width * height || outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("resize needs " + width + "x" + height + " pixels and a positive output size, found "
                    + rgb.length + " pixels and " + outWidth + "x" + outHeight);
        }
        if (outWidth == width && outHeight == height) {
            return rgb.clone();
        }
        Weights vertical = Weights.of(height, outHeight);
        int[][] planes = split(rgb);
        int firstRow = 0;
        int width1 = width;
        if (outWidth != width) {
            // Only the rows the vertical pass will read are resized horizontally, as PIL does.
            firstRow = vertical.first(0);
            int rows = vertical.first(outHeight - 1) + vertical.count(outHeight - 1) - firstRow;
            Weights horizontal = Weights.of(width, outWidth);
            for (int c = 0; c < 3; c++) {
                planes[c] = horizontalPass(planes[c], width, firstRow, rows, horizontal, outWidth);
            }
            width1 = outWidth;
        }
        if (outHeight != height) {
            for (int c = 0; c < 3; c++) {
                planes[c] = verticalPass(planes[c], width1, firstRow, vertical, outHeight);
            }
        }
        return merge(planes);
    }

    private static int[] horizontalPass(int[] in, int inWidth, int firstRow, int rows, Weights w, int outWidth) {
        int[] out = new int[outWidth * rows];
        int[] kk = w.kk;
        for (int y = 0; y < rows; y++) {
            int rowStart = (y + firstRow) * inWidth;
            for (int xx = 0; xx < outWidth; xx++) {
                int from = rowStart + w.first(xx);
                int n = w.count(xx);
                int k0 = xx * w.ksize;
                int ss = 1 << (PRECISION_BITS - 1);
                for (int x = 0; x < n; x++) {
                    ss += in[from + x] * kk[k0 + x];
                }
                out[y * outWidth + xx] = clip8(ss);
            }
        }
        return out;
    }

    /** Accumulates whole rows at a time so the inner loop runs over contiguous memory. */
    private static int[] verticalPass(int[] in, int width, int rowOffset, Weights w, int outHeight) {
        int[] out = new int[width * outHeight];
        int[] acc = new int[width];
        for (int yy = 0; yy < outHeight; yy++) {
            java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            int ymin = w.first(yy) - rowOffset;
            int k0 = yy * w.ksize;
            for (int y = 0; y < w.count(yy); y++) {
                int k = w.kk[k0 + y];
                int rowStart = (ymin + y) * width;
                for (int x = 0; x < width; x++) {
                    acc[x] += in[rowStart + x] * k;
                }
            }
            int outStart = yy * width;
            for (int x = 0; x < width; x++) {
                out[outStart + x] = clip8(acc[x]);
            }
        }
        return out;
    }

    private static int[][] split(int[] rgb) {
        int[][] planes = new int[3][rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            planes[0][i] = p >>> 16 & 0xFF;
            planes[1][i] = p >>> 8 & 0xFF;
            planes[2][i] = p & 0xFF;
        }
        return planes;
    }

    private static int[] merge(int[][] planes) {
        int[] rgb = new int[planes[0].length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = planes[0][i] << 16 | planes[1][i] << 8 | planes[2][i];
        }
        return rgb;
    }

    private static int clip8(int v) {
        if (v >= (1 << PRECISION_BITS << 8)) {
            return 255;
        }
        return v <= 0 ? 0 : v >> PRECISION_BITS;
    }

    private static double cubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }

    /** PIL's {@code precompute_coeffs} followed by {@code normalize_coeffs_8bpc}, for one axis. */
    private record Weights(int ksize, int[] bounds, int[] kk) {
        int first(int out) {
            return bounds[2 * out];
        }

        int count(int out) {
            return bounds[2 * out + 1];
        }

        static Weights of(int inSize, int outSize) {
            double scale = (double) (float) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            int ksize = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[2 * outSize];
            int[] kk = new int[outSize * ksize];
            double[] k = new double[ksize];
            for (int xx = 0; xx < outSize; xx++) {
                double center = (xx + 0.5) * scale;
                double ss = 1.0 / filterScale;
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
                double ww = 0.0;
                for (int x = 0; x < xmax; x++) {
                    k[x] = cubic((x + xmin - center + 0.5) * ss);
                    ww += k[x];
                }
                for (int x = 0; x < xmax; x++) {
                    double normalised = ww != 0.0 ? k[x] / ww : k[x];
                    kk[xx * ksize + x] = (int) (normalised < 0 ? -0.5 + normalised * (1 << PRECISION_BITS)
                            : 0.5 + normalised * (1 << PRECISION_BITS));
                }
                bounds[2 * xx] = xmin;
                bounds[2 * xx + 1] = xmax;
            }
            return new Weights(ksize, bounds, kk);
        }
    }
}
