package org.splicecbm.zeroshot;

/**
 * Accumulates one setting of the zero-shot study batch by batch: hits, L0 and cosine sums. Like
 * {@code DecompositionSummary}, NaN cosines (all-zero embeddings) are left out of the cosine mean
 * but their images still count.
 */
final class ZeroShotTally {
    private final double l1;
    private int images;
    private int correct;
    private long l0Sum;
    private double cosineSum;
    private int cosines;

    ZeroShotTally(double l1) {
        this.l1 = l1;
    }

    void addPredictions(int[] predicted, long[] labels, int firstRow) {
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[firstRow + i]) {
                correct++;
            }
        }
        images += predicted.length;
    }

    void addSparsity(int[] l0, float[] cosine) {
        for (int i = 0; i < l0.length; i++) {
            l0Sum += l0[i];
            if (!Float.isNaN(cosine[i])) {
                cosineSum += cosine[i];
                cosines++;
            }
        }
    }

    ZeroShotResult result() {
        if (images == 0) {
            throw new IllegalStateException("no images were classified; the split is empty");
        }
        boolean dense = Double.isNaN(l1);
        return new ZeroShotResult(l1, images, dense ? Double.NaN : (double) l0Sum / images,
                dense ? 1.0 : (cosines == 0 ? Double.NaN : cosineSum / cosines), (double) correct / images);
    }
}
