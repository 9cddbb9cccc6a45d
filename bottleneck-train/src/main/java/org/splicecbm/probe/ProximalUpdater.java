package org.splicecbm.probe;


/**
 * Applies one optimiser step to the weights and then the proximal operator of the L1 penalty
 * (soft-thresholding, as in ISTA / proximal SGD). DL4J's own L1 regulariser only adds the
 * subgradient {@code l1 * sign(w)}, which makes weights oscillate around zero instead of reaching
 * it; the proximal step sets them exactly to zero, which is why a stronger L1 gives fewer nonzeros.
 *
 * <p>Adam follows DL4J's {@code AdamUpdater} exactly ({@code alpha_t = lr sqrt(1-b2^t)/(1-b1^t)},
 * step {@code alpha_t m / (sqrt(v) + eps)}), and the threshold uses the same per-coordinate
 * preconditioner without the first-moment correction, {@code l1 lr sqrt(1-b2^t) / (sqrt(v) + eps)}
 * (a preconditioned proximal step). The bias is neither penalised nor thresholded.
 */
final class ProximalUpdater {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final ProbeConfig config;
    private final float[] m;
    private final float[] v;
    private final float[] mBias;
    private final float[] vBias;
    private long iteration;

    ProximalUpdater(ProbeConfig config, int weightCount, int biasCount) {
        this.config = config;
        boolean adam = config.updater() == ProbeConfig.Updater.ADAM;
        this.m = adam ? new float[weightCount] : null;
        this.v = adam ? new float[weightCount] : null;
        this.mBias = adam ? new float[biasCount] : null;
        this.vBias = adam ? new float[biasCount] : null;
    }

    /** Updates {@code weights} and {@code bias} in place from their data-loss gradients. */
    void step(float[] weights, float[] weightGrad, float[] bias, float[] biasGrad) {
        iteration++;
        float l2 = (float) config.l2();
        if (config.updater() == ProbeConfig.Updater.SGD) {
            float lr = (float) config.learningRate();
            sgd(weights, weightGrad, lr, l2, (float) (config.learningRate() * config.l1()));
            if (config.bias()) {
                sgd(bias, biasGrad, lr, 0f, 0f);
            }
        } else {
            double lr = config.learningRate();
            float alpha = (float) (lr * Math.sqrt(1 - Math.pow(BETA2, iteration)) / (1 - Math.pow(BETA1, iteration)));
            float thresholdScale = (float) (config.l1() * lr * Math.sqrt(1 - Math.pow(BETA2, iteration)));
            adam(weights, weightGrad, m, v, l2, alpha, thresholdScale);
            if (config.bias()) {
                adam(bias, biasGrad, mBias, vBias, 0f, alpha, 0f);
            }
        }
    }

    private static void sgd(float[] w, float[] grad, float lr, float l2, float threshold) {
        for (int i = 0; i < w.length; i++) {
            w[i] = softThreshold(w[i] - lr * (grad[i] + l2 * w[i]), threshold);
        }
    }

    private static void adam(float[] w, float[] grad, float[] m, float[] v, float l2, float alpha, float thresholdScale) {
        final float b1 = (float) BETA1;
        final float b2 = (float) BETA2;
        final float eps = (float) EPSILON;
        for (int i = 0; i < w.length; i++) {
            float g = grad[i] + l2 * w[i];
            float mi = b1 * m[i] + (1 - b1) * g;
            float vi = b2 * v[i] + (1 - b2) * g * g;
            m[i] = mi;
            v[i] = vi;
            float preconditioner = 1f / ((float) Math.sqrt(vi) + eps);
            w[i] = softThreshold(w[i] - alpha * mi * preconditioner, thresholdScale * preconditioner);
        }
    }

    /**
     * {@code sign(w) * max(|w| - threshold, 0)} written as {@code w - clamp(w, -threshold, threshold)}:
     * branch-free (so the loops above can vectorise) and a thresholded weight is {@code w - w = +0f}, never {@code -0f}.
     */
    static float softThreshold(float w, float threshold) {
        return w - Math.max(-threshold, Math.min(w, threshold));
    }
}
