package org.splicecbm.features;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.image.PreprocessSpec;

/**
 * Test double for pipeline mechanics only (caching, resume, ordering, bad images): a deterministic
 * "embedding" of 8 block means of the preprocessed pixels. Can be told to fail after some batches.
 */
class FakeBackbone implements ClipBackbone {
    static final int DIM = 8;
    final AtomicInteger batches = new AtomicInteger();
    private final int failAfterBatches;

    FakeBackbone(int failAfterBatches) {
        this.failAfterBatches = failAfterBatches;
    }

    FakeBackbone() {
        this(Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return "fake-backbone";
    }

    @Override
    public int embeddingDim() {
        return DIM;
    }

    @Override
    public PreprocessSpec preprocessing() {
        return PreprocessSpec.clip(16);
    }

    @Override
    public float[][] embedImages(float[][] pixels) {
        if (batches.get() >= failAfterBatches) {
            throw new IllegalStateException("simulated crash after " + failAfterBatches + " batches");
        }
        batches.incrementAndGet();
        float[][] out = new float[pixels.length][DIM];
        for (int i = 0; i < pixels.length; i++) {
            int block = pixels[i].length / DIM;
            for (int j = 0; j < DIM; j++) {
                double s = 0;
                for (int k = j * block; k < (j + 1) * block; k++) {
                    s += pixels[i][k];
                }
                out[i][j] = (float) (s / block);
            }
        }
        return out;
    }

    @Override
    public float[][] embedTexts(List<String> texts) {
        throw new UnsupportedOperationException("not needed by the feature stage");
    }

    @Override
    public void close() {}
}
