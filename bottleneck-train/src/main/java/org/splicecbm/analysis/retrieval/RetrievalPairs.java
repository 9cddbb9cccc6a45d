package org.splicecbm.analysis.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.splicecbm.data.CocoCaptions;

/**
 * The image-caption pairs and subsets of the study, seeded: one caption per image drawn at random (the reference
 * draws one per image with {@code randperm}), then the images shuffled and cut into
 * {@code floor(images / subsetSize)} disjoint subsets of exactly {@code subsetSize} pairs. The remainder is left
 * out so every subset is equally hard (a smaller last batch, as the reference's DataLoader makes, is easier).
 *
 * @param captions the chosen caption of each image, in image order
 * @param subsets  image indices of each subset
 */
public record RetrievalPairs(List<String> captions, List<int[]> subsets) {

    public static RetrievalPairs draw(CocoCaptions coco, int subsetSize, long seed) {
        int n = coco.images().size();
        if (n < subsetSize) {
            throw new IllegalArgumentException("the captions file lists " + n + " captioned images, fewer than subset_size "
                    + subsetSize + "; lower subset_size or use the full val2017 set");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> chosen = new ArrayList<>();
        for (CocoCaptions.CaptionedImage image : coco.images()) {
            chosen.add(image.captions().get(random.nextInt(image.captions().size())));
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<int[]> subsets = new ArrayList<>();
        for (int s = 0; s + subsetSize <= n; s += subsetSize) {
            subsets.add(java.util.Arrays.copyOfRange(order, s, s + subsetSize));
        }
        return new RetrievalPairs(List.copyOf(chosen), List.copyOf(subsets));
    }

    /** Recall of every subset for the given unit-norm image and caption embeddings (rows in image order). */
    public List<double[][]> recalls(float[][] images, float[][] texts) {
        List<double[][]> out = new ArrayList<>();
        for (int[] subset : subsets) {
            float[][] im = new float[subset.length][];
            float[][] tx = new float[subset.length][];
            for (int i = 0; i < subset.length; i++) {
                im[i] = images[subset[i]];
                tx[i] = texts[subset[i]];
            }
            out.add(RecallAtK.of(im, tx));
        }
        return out;
    }
}
