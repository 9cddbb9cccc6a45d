package org.splicecbm.backbone.transformer;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * The MLP non-linearities CLIP checkpoints use, under their Hugging Face {@code hidden_act} names.
 * {@code quick_gelu} is OpenAI CLIP's {@code x * sigmoid(1.702 x)}; {@code gelu} is the exact (erf) GELU,
 * which is what PyTorch's default {@code gelu} (and so DJL's) computes.
 */
public enum Activation {
    QUICK_GELU("quick_gelu"),
    GELU("gelu");

    private final String hfName;

    Activation(String hfName) {
        this.hfName = hfName;
    }

    /** The {@code hidden_act} string in config.json. */
    public String hfName() {
        return hfName;
    }

    /** Applies the activation. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case QUICK_GELU -> quickGelu(x);
            case GELU -> ai.djl.nn.Activation.gelu(x);
        };
    }

    /**
     * Looks up a {@code hidden_act} value.
     *
     * @return the activation, or {@code null} when it is not one CLIP uses
     */
    public static Activation fromHfName(String name) {
        for (Activation a : values()) {
            if (a.hfName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }

    private static NDArray quickGelu(NDArray x) {
        NDArray scaled = x.mul(1.702f);
        NDArray gate = ai.djl.nn.Activation.sigmoid(scaled);
        scaled.close();
        return gate.muli(x);
    }
}
