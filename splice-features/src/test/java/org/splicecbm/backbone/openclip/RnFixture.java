package org.splicecbm.backbone.openclip;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tiny OpenCLIP ResNet fixture (test resources) and its golden outputs from timm / transformers. */
final class RnFixture {
    private RnFixture() {}

    static Path dir() {
        try {
            return Path.of(RnFixture.class.getResource("/fixtures/clip/tiny-clip-rn/open_clip_config.json").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode golden() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(dir().resolve("golden.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pixel_values} as one CHW row per image. */
    static float[][] pixels(JsonNode golden) {
        JsonNode shape = golden.get("pixel_values_shape");
        JsonNode flat = golden.get("pixel_values");
        int n = shape.get(0).asInt();
        int per = flat.size() / n;
        float[][] out = new float[n][per];
        for (int i = 0; i < flat.size(); i++) {
            out[i / per][i % per] = flat.get(i).floatValue();
        }
        return out;
    }

    static float[][] matrix(JsonNode golden, String key) {
        JsonNode rows = golden.get(key);
        float[][] out = new float[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            JsonNode row = rows.get(r);
            out[r] = new float[row.size()];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = row.get(c).floatValue();
            }
        }
        return out;
    }

    /** max |actual - expected| / max |expected|: the parity measure the goldens are judged by. */
    static double relativeMaxError(float[][] actual, float[][] expected) {
        double maxDiff = 0;
        double maxRef = 0;
        for (int r = 0; r < expected.length; r++) {
            if (actual[r].length != expected[r].length) {
                throw new AssertionError("row " + r + " has " + actual[r].length + " values, golden " + expected[r].length);
            }
            for (int c = 0; c < expected[r].length; c++) {
                maxDiff = Math.max(maxDiff, Math.abs(actual[r][c] - expected[r][c]));
                maxRef = Math.max(maxRef, Math.abs(expected[r][c]));
            }
        }
        return maxDiff / maxRef;
    }
}
