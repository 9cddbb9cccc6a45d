package org.splicecbm.backbone.openclip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * A bias-free 2-D convolution followed by inference-mode BatchNorm (running statistics, eps 1e-5), the unit
 * every layer of OpenAI's ModifiedResNet is built from.
 */
record ConvBn(NDArray weight, NDArray gamma, NDArray beta, NDArray runningMean, NDArray runningVar, int stride) {
    private static final float BN_EPS = 1e-5f;

    /**
     * Loads {@code <conv>.weight} ({@code out x in x k x k}) and {@code <bn>.{weight,bias,running_mean,running_var}}.
     */
    static ConvBn load(TensorSource weights, NDManager manager, String conv, String bn,
                       int in, int out, int kernel, int stride) {
        return new ConvBn(weights.load(manager, conv + ".weight", out, in, kernel, kernel),
                weights.load(manager, bn + ".weight", out), weights.load(manager, bn + ".bias", out),
                weights.load(manager, bn + ".running_mean", out), weights.load(manager, bn + ".running_var", out),
                stride);
    }

    /** Conv ("same" padding for odd kernels) then BatchNorm; ReLU after when {@code relu}. */
    NDArray forward(NDArray x, boolean relu) {
        long kernel = weight.getShape().get(2);
        long pad = kernel / 2;
        NDArray y = Conv2d.conv2d(x, weight, null, new Shape(stride, stride), new Shape(pad, pad),
                new Shape(1, 1), 1).singletonOrThrow();
        NDArray normed = BatchNorm.batchNorm(y, runningMean, runningVar, gamma, beta, 1, 0.1f, BN_EPS, false)
                .singletonOrThrow();
        return relu ? Activation.relu(normed) : normed;
    }
}
