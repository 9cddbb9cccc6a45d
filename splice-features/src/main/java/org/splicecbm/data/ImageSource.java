package org.splicecbm.data;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Where one image's pixels come from (a file, a record in a CIFAR archive...). Opening decodes it;
 * a file that cannot be decoded throws an {@link IOException} naming the file, never a blank image.
 */
public interface ImageSource {
    /** Decodes the image as RGB. */
    BufferedImage open() throws IOException;

    /** Human-readable location for error messages, e.g. {@code /data/x/cat/001.jpg} or {@code data_batch_1.bin#record 17}. */
    String location();

    /**
     * A cheap string that changes when the pixels may have changed (e.g. file size and modification
     * time); feeds {@link ImageDataset#fingerprint}. Defaults to the location.
     */
    default String fingerprint() throws IOException {
        return location();
    }

    /** False when the image is not there (a moved or archived file); {@link #fingerprint()} then fails. */
    default boolean exists() {
        return true;
    }
}
