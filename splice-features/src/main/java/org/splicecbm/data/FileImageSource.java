package org.splicecbm.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import javax.imageio.ImageIO;

/** An image file on disk; a file that cannot be decoded throws an IOException naming it. */
public record FileImageSource(Path path) implements ImageSource {
    @Override
    public BufferedImage open() throws IOException {
        // TODO(imagehub): delegate to org.splicecbm.image.ImageDecoder.decode(path) once merged.
        BufferedImage image;
        try {
            image = ImageIO.read(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot decode image " + path + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("cannot decode image " + path + ": not a format the installed readers know"
                    + " (jpg, png, bmp, gif); convert it or remove it from the dataset");
        }
        return toRgb(image);
    }

    private static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    @Override
    public String location() {
        return path.toString();
    }

    /** Size and modification time: enough to notice a replaced file without reading it. */
    @Override
    public String fingerprint() throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return a.size() + ":" + a.lastModifiedTime().toMillis();
    }
}
