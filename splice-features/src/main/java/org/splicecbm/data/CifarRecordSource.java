package org.splicecbm.data;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** One CIFAR record as a 32x32 RGB image, built straight from the record's three colour planes. */
record CifarRecordSource(CifarBatchFile file, int index) implements ImageSource {
    private static final int SIDE = 32;
    private static final int PLANE = SIDE * SIDE;

    @Override
    public BufferedImage open() throws IOException {
        byte[] p = file.pixels(index);
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < PLANE; i++) {
            int rgb = (p[i] & 0xff) << 16 | (p[PLANE + i] & 0xff) << 8 | (p[2 * PLANE + i] & 0xff);
            image.setRGB(i % SIDE, i / SIDE, rgb);
        }
        return image;
    }

    @Override
    public String location() {
        return file.path() + "#record " + index;
    }

    /** The batch file's content hash and the record index: exact, and hashed once per file. */
    @Override
    public String fingerprint() throws IOException {
        return file.sha256() + "#" + index;
    }
}
