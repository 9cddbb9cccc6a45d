package org.splicecbm.splice;

import java.util.Optional;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.concepts.ImageMeans;
import org.splicecbm.concepts.SpliceData;

/**
 * Refuses a concept dictionary, an image mean and a backbone that do not belong together (Bhalla et al., NeurIPS
 * 2024, Sec. 4.1: C and the image mean are both specific to one CLIP model): a dictionary encoded by another
 * backbone, a published mean of another backbone, or widths that differ. Each error names both sides, because a
 * mismatched pair would otherwise decompose silently into wrong concepts.
 *
 * <p>A mean computed from a dataset or read from a file does not record its backbone; for it only the width can
 * be checked.
 */
public final class ConceptBasisCheck {
    private ConceptBasisCheck() {}

    /** Throws unless {@code dictionary} was encoded by {@code backbone} and {@code mean} belongs to it. */
    public static void requireMatch(ClipBackbone backbone, ConceptDictionary dictionary, ImageMean mean) {
        if (!dictionary.provenance().backbone().equals(backbone.name())) {
            throw new IllegalArgumentException("the concept dictionary (" + describe(dictionary) + ") was encoded by backbone "
                    + dictionary.provenance().backbone() + ", not by " + backbone.name()
                    + "; build the dictionary with the backbone that decomposes (Splice.load does)");
        }
        if (dictionary.dim() != backbone.embeddingDim()) {
            throw new IllegalArgumentException("the concept dictionary (" + describe(dictionary) + ") has width " + dictionary.dim()
                    + " but backbone " + backbone.name() + " embeds into " + backbone.embeddingDim() + " dimensions");
        }
        requireMatch(dictionary, mean);
    }

    /** Throws unless {@code mean} has the dictionary's width and, if published, is the one of the dictionary's backbone. */
    public static void requireMatch(ConceptDictionary dictionary, ImageMean mean) {
        String backbone = dictionary.provenance().backbone();
        Optional<String> owner = publishedOwner(mean);
        if (owner.isPresent() && !owner.get().equals(backbone)) {
            throw new IllegalArgumentException("the image mean is SpLiCE's published mean of " + owner.get()
                    + " but the concept dictionary (" + describe(dictionary) + ") belongs to backbone " + backbone
                    + "; use the mean of " + backbone + " (Splice.imageMean) instead");
        }
        if (mean.dim() != dictionary.dim()) {
            throw new IllegalArgumentException("the image mean (" + mean.source() + ") has " + mean.dim()
                    + " values but the concept dictionary (" + describe(dictionary) + ", backbone " + backbone + ") has width "
                    + dictionary.dim() + "; compute the mean with the same backbone (Splice.imageMean)");
        }
    }

    /** The backbone whose published mean {@code mean} is (by the digest in its source), if it is one. */
    static Optional<String> publishedOwner(ImageMean mean) {
        if (!mean.source().startsWith("published:")) {
            return Optional.empty();
        }
        String digest = mean.source().substring("published:".length());
        return ImageMeans.PUBLISHED_DIMS.keySet().stream()
                .filter(name -> digest.equals(SpliceData.publishedSha256(ImageMeans.publishedFile(name).orElseThrow())))
                .findFirst();
    }

    private static String describe(ConceptDictionary dictionary) {
        return "vocabulary " + dictionary.provenance().vocabulary() + ", " + dictionary.size() + " concepts";
    }
}
