package org.splicecbm.image;

/**
 * Where a centre crop starts, which differs by one pixel between the two reference pipelines when the
 * margin is odd. transformers' {@code CLIPImageProcessor} (and the golden fixtures) use
 * {@code (size - crop) // 2} and pad smaller images with {@code ceil(missing / 2)} on the top/left;
 * torchvision's {@code CenterCrop}, used by OpenAI's {@code clip.load} and OpenCLIP transforms (so by the
 * SpLiCE reference code), uses {@code int(round((size - crop) / 2))} with Python's round-half-to-even and pads
 * with {@code missing // 2} on the top/left.
 */
public enum CenterCrop {
    TRANSFORMERS {
        @Override
        int offset(int size, int crop) {
            return Math.floorDiv(size - crop, 2);
        }
    },
    TORCHVISION {
        @Override
        int offset(int size, int crop) {
            if (size < crop) {
                return -((crop - size) / 2);
            }
            int margin = size - crop;
            int half = margin / 2;
            // round(half + 0.5) rounds to the even neighbour
            return margin % 2 == 0 || half % 2 == 0 ? half : half + 1;
        }
    };

    /**
     * The source index of the crop's first row (or column); negative when the image is smaller than the crop
     * and padded with zeros.
     */
    abstract int offset(int size, int crop);
}
