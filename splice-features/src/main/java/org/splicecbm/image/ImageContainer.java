package org.splicecbm.image;

import java.nio.charset.StandardCharsets;

/**
 * The image container formats the decoder accepts, recognised by their magic bytes, each with a
 * structural completeness check. ImageIO readers fill the missing part of a truncated file with grey or
 * zeros (sometimes with only a warning), so truncation is detected from the file structure first.
 */
enum ImageContainer {
    PNG("PNG") {
        @Override
        String incompleteness(byte[] b) {
            // A complete PNG ends with the IEND chunk (length 0, type, CRC): its type sits 8 bytes before the end.
            int iend = lastIndexOf(b, "IEND".getBytes(StandardCharsets.US_ASCII));
            return iend >= 0 && iend + 8 <= b.length ? null : "the PNG file is truncated (no IEND chunk at its end)";
        }
    },
    JPEG("JPEG") {
        @Override
        String incompleteness(byte[] b) {
            // Entropy-coded data never contains a bare 0xFF 0xD9, so the image is complete only if
            // an EOI marker follows the last start-of-scan marker (thumbnails sit before the main scans).
            int lastScan = lastIndexOf(b, new byte[] {(byte) 0xFF, (byte) 0xDA});
            int lastEnd = lastIndexOf(b, new byte[] {(byte) 0xFF, (byte) 0xD9});
            if (lastScan < 0) {
                return "the JPEG file has no image data (no start-of-scan marker): it is truncated or corrupt";
            }
            return lastEnd > lastScan ? null : "the JPEG file is truncated (premature end of data: no end-of-image marker after the last scan)";
        }
    },
    GIF("GIF") {
        @Override
        String incompleteness(byte[] b) {
            return null; // only the first frame is read; ImageIO reports a short first frame as an error
        }
    },
    BMP("BMP") {
        @Override
        String incompleteness(byte[] b) {
            long declared = (b[2] & 0xFFL) | (b[3] & 0xFFL) << 8 | (b[4] & 0xFFL) << 16 | (b[5] & 0xFFL) << 24;
            return declared == 0 || declared <= b.length ? null
                    : "the BMP file is truncated (its header declares " + declared + " bytes, the file has " + b.length + ")";
        }
    };

    private final String formatName;

    ImageContainer(String formatName) {
        this.formatName = formatName;
    }

    /** The ImageIO format name. */
    String formatName() {
        return formatName;
    }

    /** Why the bytes cannot be a complete file of this format, or null when they can. */
    abstract String incompleteness(byte[] bytes);

    /** The container these bytes start with, or null when they are not a supported image. */
    static ImageContainer sniff(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (b.length >= 26 && startsWith(b, 'B', 'M')) {
            return BMP;
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] b, byte[] pattern) {
        outer:
        for (int i = b.length - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
