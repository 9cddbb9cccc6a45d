package org.splicecbm.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.splicecbm.store.AtomicFiles;
import org.splicecbm.store.Npy;
import org.splicecbm.store.Sha256;

/**
 * Saves an {@link ImageMean} as {@code image_mean.npy} (1-D float32) plus {@code image_mean.json} (its source, width
 * and a digest of the values), and loads it back only when the two agree.
 */
public final class ImageMeanFiles {
    public static final String VECTOR = "image_mean.npy";
    public static final String META = "image_mean.json";
    private static final String FORMAT = "splice-cbm/image-mean";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageMeanFiles() {}

    /** Writes both files into {@code dir}, each atomically. */
    public static void save(ImageMean mean, Path dir) throws IOException {
        float[] v = mean.vector();
        AtomicFiles.write(dir.resolve(VECTOR), out -> Npy.writeFloat32Vector(out, v));
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT).put("format_version", 1).put("source", mean.source()).put("dim", v.length)
                .put("vector_sha256", Sha256.ofMatrix(new float[][] {v}));
        AtomicFiles.writeString(dir.resolve(META), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
    }

    /** Reads a mean saved by {@link #save}; fails, naming the file, when the vector does not match its json. */
    public static ImageMean load(Path dir) throws IOException {
        JsonNode n = JSON.readTree(dir.resolve(META).toFile());
        if (!FORMAT.equals(n.path("format").asText())) {
            throw new IOException(dir.resolve(META) + " is not a " + FORMAT + " file");
        }
        float[] v = Npy.read(dir.resolve(VECTOR)).toFloatVector();
        if (v.length != n.path("dim").asInt() || !Sha256.ofMatrix(new float[][] {v}).equals(n.path("vector_sha256").asText())) {
            throw new IOException(dir.resolve(VECTOR) + " does not match " + META + " (width or digest differs); "
                    + "delete both and compute the image mean again");
        }
        return new ImageMean(v, n.path("source").asText());
    }
}
