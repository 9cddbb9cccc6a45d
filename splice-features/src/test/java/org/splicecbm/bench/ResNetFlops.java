package org.splicecbm.bench;

import org.splicecbm.backbone.openclip.ResNetConfig;

/** Multiply-adds of one image through OpenAI's ModifiedResNet, counted as 2 FLOP each (pools and norms ignored). */
final class ResNetFlops {
    private ResNetFlops() {}

    static double perImageGflop(ResNetConfig c) {
        double side = c.imageSize() / 2.0; // the stem's first conv has stride 2
        int half = c.width() / 2;
        double flops = conv(3, half, 3, side) + conv(half, half, 3, side) + conv(half, c.width(), 3, side);
        side /= 2; // stem average pool
        int in = c.width();
        for (int stage = 0; stage < 4; stage++) {
            int mid = c.stageMidChannels(stage);
            int out = mid * ResNetConfig.EXPANSION;
            for (int i = 0; i < c.layers()[stage]; i++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                double outSide = side / stride;
                flops += conv(in, mid, 1, side) + conv(mid, mid, 3, side) + conv(mid, out, 1, outSide);
                if (stride > 1 || in != out) {
                    flops += conv(in, out, 1, outSide);
                }
                in = out;
                side = outSide;
            }
        }
        double tokens = side * side + 1;
        double width = c.poolWidth();
        // query of the mean token only; keys and values of every token; scores and weighted sum; output projection
        flops += 2 * width * width + 2 * 2 * tokens * width * width + 2 * 2 * tokens * width + 2 * width * c.embedDim();
        return flops / 1e9;
    }

    private static double conv(int in, int out, int kernel, double outSide) {
        return 2.0 * in * out * kernel * kernel * outSide * outSide;
    }
}
