package org.splicecbm.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.splicecbm.image.ImageDecoder;

/**
 * An image file on disk, decoded by {@link ImageDecoder} (PIL-faithful RGB); a file that cannot be
 * decoded throws an {@link org.splicecbm.image.ImageDecodeException} naming it.
 */
public record FileImageSource(Path path) implements ImageSource {
    @Override
    public BufferedImage open() throws IOException {
        return ImageDecoder.decode(path);
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Size and modification time: enough to notice a replaced file without reading it. */
    @Override
    public String fingerprint() throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return a.size() + ":" + a.lastModifiedTime().toMillis();
    }
}
