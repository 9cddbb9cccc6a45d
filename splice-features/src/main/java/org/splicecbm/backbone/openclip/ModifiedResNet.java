package org.splicecbm.backbone.openclip;

import org.splicecbm.backbone.weights.TensorSource;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * OpenAI's ModifiedResNet image tower of CLIP RN50/RN101/RN50x4... (Radford et al., 2021, section 2.4) on DJL
 * operations: a three-convolution stem with an average pool, four stages of anti-aliased Bottlenecks, and
 * attention pooling to the joint embedding space. Inference only (BatchNorm uses running statistics).
 */
public final class ModifiedResNet {
    private final ResNetConfig config;
    private final List<ConvBn> stem;
    private final List<Bottleneck> blocks;
    private final AttentionPool pool;

    private ModifiedResNet(ResNetConfig config, List<ConvBn> stem, List<Bottleneck> blocks, AttentionPool pool) {
        this.config = config;
        this.stem = stem;
        this.blocks = blocks;
        this.pool = pool;
    }

    /** Loads every {@code visual.*} tensor the config implies, checking each shape; arrays live in {@code manager}. */
    public static ModifiedResNet load(ResNetConfig cfg, TensorSource w, NDManager manager) {
        int half = cfg.width() / 2;
        List<ConvBn> stem = List.of(
                ConvBn.load(w, manager, "visual.conv1", "visual.bn1", 3, half, 3, 2),
                ConvBn.load(w, manager, "visual.conv2", "visual.bn2", half, half, 3, 1),
                ConvBn.load(w, manager, "visual.conv3", "visual.bn3", half, cfg.width(), 3, 1));
        List<Bottleneck> blocks = new ArrayList<>();
        int in = cfg.width();
        for (int stage = 0; stage < 4; stage++) {
            int mid = cfg.stageMidChannels(stage);
            for (int i = 0; i < cfg.layers()[stage]; i++) {
                int stride = stage > 0 && i == 0 ? 2 : 1;
                blocks.add(Bottleneck.load(w, manager, "visual.layer" + (stage + 1) + "." + i + ".", in, mid, stride));
                in = mid * ResNetConfig.EXPANSION;
            }
        }
        return new ModifiedResNet(cfg, stem, List.copyOf(blocks), AttentionPool.load(w, manager, cfg));
    }

    public ResNetConfig config() {
        return config;
    }

    /**
     * {@code (N, 3, S, S)} normalised pixels to {@code (N, embed_dim)} image embeddings, owned by the pixels' manager.
     * Each stage runs in its own sub-manager so a batch's intermediate activations are freed as soon as the next
     * stage has consumed them, instead of all living until the caller closes its manager.
     */
    public NDArray forward(NDArray pixels) {
        NDManager owner = pixels.getManager();
        NDArray x = scoped(pixels, owner, false, this::stem);
        for (Bottleneck block : blocks) {
            x = scoped(x, owner, true, block::forward);
        }
        return scoped(x, owner, true, pool::forward);
    }

    private NDArray stem(NDArray pixels) {
        NDArray x = pixels;
        for (ConvBn conv : stem) {
            x = conv.forward(x, true);
        }
        return Pooling.average(x, 2);
    }

    /** Runs {@code step} with its temporaries in a sub-manager; the input is freed too when {@code consumeInput}. */
    private static NDArray scoped(NDArray input, NDManager owner, boolean consumeInput, UnaryOperator<NDArray> step) {
        try (NDManager scope = owner.newSubManager()) {
            if (consumeInput) {
                input.attach(scope);
            } else {
                input.tempAttach(scope);
            }
            NDArray out = step.apply(input);
            out.attach(owner);
            return out;
        }
    }
}
