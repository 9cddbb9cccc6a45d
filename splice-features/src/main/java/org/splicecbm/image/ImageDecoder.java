package org.splicecbm.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes JPEG (including CMYK/YCCK and greyscale, through TwelveMonkeys), PNG (8/16-bit, palette,
 * grey, with or without alpha), BMP and GIF (first frame) into 8-bit RGB, giving the same pixels as
 * PIL's {@code Image.open(f).convert("RGB")}, which CLIP's reference preprocessing starts from.
 *
 * <p>Truncated or corrupt files are refused with an {@link ImageDecodeException}; they never become a
 * partly grey image.
 */
public final class ImageDecoder {
    static {
        ImageIO.setUseCache(false); // decode in memory: no temporary files per image
        ImageIO.scanForPlugins();
    }

    private ImageDecoder() {}

    /** Reads and decodes an image file into a {@link BufferedImage#TYPE_INT_RGB} image. */
    public static BufferedImage decode(Path file) throws ImageDecodeException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new ImageDecodeException(file.toString(), "cannot be read", e);
        }
        return decode(bytes, file.toString());
    }

    /** Decodes the bytes of an image file; {@code sourceName} names it in errors. */
    public static BufferedImage decode(byte[] bytes, String sourceName) throws ImageDecodeException {
        if (bytes == null || bytes.length == 0) {
            throw new ImageDecodeException(sourceName, "the file is empty");
        }
        ImageContainer container = ImageContainer.sniff(bytes);
        if (container == null) {
            throw new ImageDecodeException(sourceName, "not a supported image (JPEG, PNG, BMP or GIF expected); it starts with "
                    + describeStart(bytes));
        }
        String incomplete = container.incompleteness(bytes);
        if (incomplete != null) {
            throw new ImageDecodeException(sourceName, incomplete);
        }
        if (container == ImageContainer.JPEG) {
            JpegColours.Header header = JpegColours.header(bytes);
            if (header.space() == null) {
                throw new ImageDecodeException(sourceName, "unsupported JPEG with " + header.componentIds().length
                        + " colour components (1, 3 or 4 expected)");
            }
            BufferedImage rgb = JpegColours.toRgb((Raster) read(bytes, sourceName, container, true), header);
            if (rgb == null) {
                throw new ImageDecodeException(sourceName, "the JPEG decoder returned a different number of components than the"
                        + " file header declares (" + header.componentIds().length + "): the file is corrupt");
            }
            return rgb;
        }
        BufferedImage decoded = (BufferedImage) read(bytes, sourceName, container, false);
        return RgbConversion.toRgb(decoded, sourceName);
    }

    /** Reads the first image: a {@link BufferedImage}, or the raw {@link Raster} (no colour conversion) when asked. */
    private static Object read(byte[] bytes, String sourceName, ImageContainer container, boolean rawRaster)
            throws ImageDecodeException {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(in, sourceName, container);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (!isColourProfileNotice(warning)) {
                        warnings.add(warning);
                    }
                });
                refuseDecompressionBomb(reader, sourceName);
                Object image = rawRaster ? reader.readRaster(0, null) : reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new ImageDecodeException(sourceName, "the " + container.formatName()
                            + " data is damaged or truncated; the decoder reported: " + String.join("; ", warnings));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(sourceName, "the " + container.formatName() + " data is corrupt or truncated", e);
        }
    }

    /** PIL refuses images over twice its {@code MAX_IMAGE_PIXELS} (89,478,485) as decompression bombs; so do we. */
    static final long MAX_PIXELS = 2L * 89_478_485L;

    private static void refuseDecompressionBomb(ImageReader reader, String sourceName) throws IOException {
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
            throw new ImageDecodeException(sourceName, "the image is " + reader.getWidth(0) + " x " + reader.getHeight(0) + " = "
                    + pixels + " pixels, more than the " + MAX_PIXELS + " PIL accepts (a decompression bomb?); shrink it first");
        }
    }

    /**
     * TwelveMonkeys warns about missing or odd ICC profiles; PIL ignores profiles, and so do we, so these
     * notices say nothing about damaged data (every other warning does: premature end, corrupt data).
     */
    private static boolean isColourProfileNotice(String warning) {
        return warning != null && (warning.contains("ICC") || warning.toLowerCase(java.util.Locale.ROOT).contains("color profile"));
    }

    private static ImageReader readerFor(ImageInputStream in, String sourceName, ImageContainer container)
            throws ImageDecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageDecodeException(sourceName, "no " + container.formatName() + " decoder accepts this file: it is corrupt");
        }
        return readers.next();
    }

    private static String describeStart(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            hex.append(String.format("%02x ", bytes[i] & 0xFF));
        }
        return "bytes " + hex.toString().trim();
    }
}
