package org.splicecbm.backbone.openclip;

import org.splicecbm.backbone.weights.TensorSource;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;

/**
 * OpenAI's anti-aliased Bottleneck (CLIP paper, section 2.4): 1x1 conv-bn-relu, 3x3 conv-bn-relu, an average
 * pool of the stride (instead of a strided conv), 1x1 conv-bn to 4x the mid channels; the shortcut is the
 * input, or avgpool(stride) + 1x1 conv + bn when the stride or channel count changes; ReLU after the sum.
 */
record Bottleneck(ConvBn reduce, ConvBn spatial, ConvBn expand, ConvBn downsample, int stride) {

    /** Loads block {@code layer<stage+1>.<index>} in OpenAI naming under {@code visual.}. */
    static Bottleneck load(TensorSource w, NDManager m, String prefix, int in, int mid, int stride) {
        int out = mid * ResNetConfig.EXPANSION;
        ConvBn downsample = stride > 1 || in != out
                ? ConvBn.load(w, m, prefix + "downsample.0", prefix + "downsample.1", in, out, 1, 1)
                : null;
        return new Bottleneck(ConvBn.load(w, m, prefix + "conv1", prefix + "bn1", in, mid, 1, 1),
                ConvBn.load(w, m, prefix + "conv2", prefix + "bn2", mid, mid, 3, 1),
                ConvBn.load(w, m, prefix + "conv3", prefix + "bn3", mid, out, 1, 1),
                downsample, stride);
    }

    NDArray forward(NDArray x) {
        NDArray y = spatial.forward(reduce.forward(x, true), true);
        y = expand.forward(Pooling.average(y, stride), false);
        NDArray shortcut = downsample == null ? x : downsample.forward(Pooling.average(x, stride), false);
        return Activation.relu(y.add(shortcut));
    }
}
