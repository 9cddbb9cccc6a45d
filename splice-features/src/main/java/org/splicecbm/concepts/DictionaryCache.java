package org.splicecbm.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.AtomicFiles;
import org.splicecbm.store.Npy;
import org.splicecbm.store.NpyMatrixReader;
import org.splicecbm.store.Sha256;

/**
 * One cached dictionary per (backbone, vocabulary content, k), as a folder {@code <slug>-<digest>} holding
 * {@code dictionary.npy} (c x d float32), {@code concepts.txt} and {@code meta.json} (the provenance).
 * The folder name is a readable slug plus a hex digest of the key, so it is valid on every OS whatever the
 * backbone is called (the reference's cache names contain {@code /} and {@code :}). A folder appears only
 * complete (written aside, then renamed), and is reused only when its stored provenance and matrix digest check out.
 */
final class DictionaryCache {
    static final String MATRIX = "dictionary.npy";
    static final String CONCEPTS = "concepts.txt";
    static final String META = "meta.json";
    private static final String FORMAT = "splice-cbm/concept-dictionary";
    private static final int FORMAT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(DictionaryCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    DictionaryCache(Path root) {
        this.root = root;
    }

    /** The folder for this key: e.g. {@code open_clip-ViT-B-32_laion_k10000-3f09c1d2a4b5e6f7}. */
    Path entry(String backbone, String vocabularyName, String vocabularySha256, int k) {
        String key = backbone + "\u0000" + vocabularySha256 + "\u0000" + k;
        String digest = Sha256.hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        String slug = (slug(backbone) + "_" + slug(vocabularyName) + "_k" + k);
        return root.resolve(slug + "-" + digest);
    }

    /** The cached dictionary for these inputs if present and intact; otherwise empty (and why is logged). */
    Optional<ConceptDictionary> read(Path entry, String backbone, BackboneProbe probe, String vocabularySha256, List<String> concepts) {
        if (!Files.isDirectory(entry)) {
            return Optional.empty();
        }
        try {
            JsonNode meta = JSON.readTree(entry.resolve(META).toFile());
            DictionaryProvenance p = provenance(meta, entry.resolve(META));
            if (!p.sameInputs(backbone, vocabularySha256, concepts.size())) {
                return stale(entry, "it was built for " + p.backbone() + ", vocabulary sha256 " + p.vocabularySha256() + ", k " + p.size());
            }
            if (!probe(meta).matches(probe)) {
                return stale(entry, "backbone " + backbone + " now embeds \"" + probe.text() + "\" differently (were its weights replaced?)");
            }
            if (!Files.readAllLines(entry.resolve(CONCEPTS), StandardCharsets.UTF_8).equals(concepts)) {
                return stale(entry, "its concepts.txt differs from the vocabulary's last " + concepts.size() + " lines");
            }
            float[][] matrix = readMatrix(entry.resolve(MATRIX), concepts.size(), p.embeddingDim());
            if (!Sha256.ofMatrix(matrix).equals(p.matrixSha256())) {
                return stale(entry, "dictionary.npy does not match the digest in meta.json");
            }
            return Optional.of(new ConceptDictionary(concepts, matrix, p));
        } catch (IOException | RuntimeException e) {
            return stale(entry, "it cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Writes the entry aside and renames it into place, replacing a stale folder. */
    void write(Path entry, ConceptDictionary dictionary, BackboneProbe probe) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createDirectory(AtomicFiles.temporarySibling(entry, ".tmp"));
        try {
            Npy.writeFloat32(tmp.resolve(MATRIX), dictionary.vectors(), dictionary.dim());
            AtomicFiles.writeString(tmp.resolve(CONCEPTS), String.join("\n", dictionary.concepts()) + "\n");
            AtomicFiles.writeString(tmp.resolve(META), metaJson(dictionary.provenance(), probe));
            AtomicDirectory.deleteRecursively(entry);
            AtomicFiles.moveIntoPlace(tmp, entry);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            LOG.info("another process cached {} first; keeping its copy", entry);
        } finally {
            AtomicDirectory.deleteRecursively(tmp);
        }
    }

    static String metaJson(DictionaryProvenance p, BackboneProbe probe) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT).put("format_version", FORMAT_VERSION)
                .put("backbone", p.backbone()).put("vocabulary", p.vocabulary())
                .put("vocabulary_sha256", p.vocabularySha256()).put("size", p.size())
                .put("embedding_dim", p.embeddingDim()).put("matrix_sha256", p.matrixSha256())
                .put("created_at", p.createdAt().toString())
                .put("backbone_probe_text", probe.text());
        var values = n.putArray("backbone_probe");
        for (float x : probe.embedding()) {
            values.add(x);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
    }

    private static DictionaryProvenance provenance(JsonNode n, Path file) throws IOException {
        if (!FORMAT.equals(n.path("format").asText()) || n.path("format_version").asInt() != FORMAT_VERSION) {
            throw new IOException(file + " is not a version-" + FORMAT_VERSION + " " + FORMAT + " file");
        }
        return new DictionaryProvenance(n.get("backbone").asText(), n.get("vocabulary").asText(),
                n.get("vocabulary_sha256").asText(), n.get("size").asInt(), n.get("embedding_dim").asInt(),
                n.get("matrix_sha256").asText(), Instant.parse(n.get("created_at").asText()));
    }

    /** Bulk row reads (the element-wise whole-file reader is several times slower on a 20 MB dictionary). */
    private static float[][] readMatrix(Path file, int rows, int cols) throws IOException {
        try (NpyMatrixReader reader = NpyMatrixReader.open(file)) {
            if (reader.rows() != rows || reader.cols() != cols) {
                throw new IOException(file + " has shape (" + reader.rows() + ", " + reader.cols() + "), expected (" + rows + ", " + cols + ")");
            }
            float[][] out = new float[rows][];
            for (int done = 0; done < rows; ) {
                float[][] chunk = reader.next(4096);
                System.arraycopy(chunk, 0, out, done, chunk.length);
                done += chunk.length;
            }
            return out;
        }
    }

    private static BackboneProbe probe(JsonNode n) {
        JsonNode values = n.path("backbone_probe");
        float[] embedding = new float[values.size()];
        for (int j = 0; j < embedding.length; j++) {
            embedding[j] = (float) values.get(j).asDouble();
        }
        return new BackboneProbe(n.path("backbone_probe_text").asText(), embedding);
    }

    private static Optional<ConceptDictionary> stale(Path entry, String why) {
        LOG.warn("not reusing cached dictionary {}: {}; encoding it again", entry, why);
        return Optional.empty();
    }

    private static String slug(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return cleaned.length() > 40 ? cleaned.substring(cleaned.length() - 40) : cleaned;
    }
}
