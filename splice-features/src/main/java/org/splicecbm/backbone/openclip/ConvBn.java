package org.splicecbm.backbone.openclip;

import org.splicecbm.backbone.weights.TensorSource;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A bias-free 2-D convolution followed by inference-mode BatchNorm (running statistics, eps 1e-5), the unit
 * every layer of OpenAI's ModifiedResNet is built from. The BatchNorm is folded into the convolution when loaded:
 * {@code w' = w * gamma / sqrt(var + eps)} per output channel and {@code b' = beta - mean * gamma / sqrt(var + eps)},
 * which is the same affine map computed in one pass instead of two.
 */
record ConvBn(NDArray weight, NDArray bias, int stride) {
    private static final float BN_EPS = 1e-5f;

    /**
     * Loads {@code <conv>.weight} ({@code out x in x k x k}) and {@code <bn>.{weight,bias,running_mean,running_var}}.
     */
    static ConvBn load(TensorSource weights, NDManager manager, String conv, String bn,
                       int in, int out, int kernel, int stride) {
        float[] w = weights.floats(conv + ".weight", out, in, kernel, kernel);
        float[] gamma = weights.floats(bn + ".weight", out);
        float[] beta = weights.floats(bn + ".bias", out);
        float[] mean = weights.floats(bn + ".running_mean", out);
        float[] var = weights.floats(bn + ".running_var", out);
        float[] bias = new float[out];
        int perChannel = w.length / out;
        for (int o = 0; o < out; o++) {
            double scale = gamma[o] / Math.sqrt((double) var[o] + BN_EPS);
            for (int i = o * perChannel; i < (o + 1) * perChannel; i++) {
                w[i] = (float) (w[i] * scale);
            }
            bias[o] = (float) (beta[o] - mean[o] * scale);
        }
        return new ConvBn(manager.create(w, new Shape(out, in, kernel, kernel)), manager.create(bias), stride);
    }

    /** Conv ("same" padding for odd kernels) with the folded BatchNorm; ReLU after when {@code relu}. */
    NDArray forward(NDArray x, boolean relu) {
        long pad = weight.getShape().get(2) / 2;
        NDArray y = Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(pad, pad),
                new Shape(1, 1), 1).singletonOrThrow();
        return relu ? Activation.relu(y) : y;
    }
}
