package org.splicecbm.torch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.splicecbm.torch.PickleValues.StorageRef;
import org.splicecbm.torch.PickleValues.TensorRef;

/**
 * Reads PyTorch checkpoints in the zip format {@code torch.save} has written since PyTorch 1.6
 * ({@code <archive>/data.pkl}, raw storages in {@code <archive>/data/<key>}, {@code byteorder}, {@code version})
 * without Python. The pickle runs on a restricted machine that only knows tensors and dicts: a checkpoint
 * naming any other Python global (e.g. {@code os.system}) is refused with an {@link UnsafePickleException}.
 *
 * <p>Used for SpLiCE's published image means (Bhalla et al., NeurIPS 2024; one tensor per file) and for
 * OpenCLIP's {@code open_clip_pytorch_model.bin} state dicts.
 */
public final class TorchArchive {
    private final ZipFile zip;
    private final String prefix;
    private final ByteOrder order;
    private final String source;
    private final Map<String, ByteBuffer> storages = new HashMap<>();

    private TorchArchive(ZipFile zip, String prefix, ByteOrder order, String source) {
        this.zip = zip;
        this.prefix = prefix;
        this.order = order;
        this.source = source;
    }

    /** Reads a state dict: a (possibly ordered) dict from parameter names to tensors, in file order. */
    public static LinkedHashMap<String, TorchTensor> readStateDict(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            TorchArchive archive = locate(zip, file);
            Object root = PickleMachine.load(archive.record("data.pkl"), archive.source);
            if (!(root instanceof Map<?, ?> dict)) {
                throw new TorchFormatException(file + ": expected a state dict (dict of name -> tensor) but the pickle holds "
                        + kind(root));
            }
            LinkedHashMap<String, TorchTensor> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorRef ref)) {
                    throw new TorchFormatException(file + ": state dict entry '" + e.getKey() + "' holds " + kind(e.getValue())
                            + ", not a tensor; save model.state_dict() rather than a whole checkpoint");
                }
                out.put(name, archive.materialise(ref, name));
            }
            return out;
        }
    }

    /** Reads a file that holds one tensor, e.g. {@code torch.save(mean, "image_mean.pt")}. */
    public static TorchTensor readTensor(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            TorchArchive archive = locate(zip, file);
            Object root = PickleMachine.load(archive.record("data.pkl"), archive.source);
            if (!(root instanceof TensorRef ref)) {
                throw new TorchFormatException(file + ": expected a single tensor but the pickle holds " + kind(root));
            }
            return archive.materialise(ref, "the tensor");
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new TorchFormatException(file + ": no such checkpoint file");
        }
        try (InputStream head = Files.newInputStream(file)) {
            byte[] magic = head.readNBytes(2);
            if (magic.length < 2 || magic[0] != 'P' || magic[1] != 'K') {
                throw new TorchFormatException(file + ": not a zip-format torch.save checkpoint (PyTorch >= 1.6); "
                        + "legacy tar/pickle checkpoints are not supported: re-save it with a current PyTorch");
            }
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new TorchFormatException(file + ": the zip archive is truncated or corrupt (" + e.getMessage()
                    + "); download the checkpoint again", e);
        }
    }

    /** Finds the one {@code <archive>/data.pkl} and the byte order the storages were written in. */
    private static TorchArchive locate(ZipFile zip, Path file) throws IOException {
        List<String> pickles = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.getName().endsWith("/data.pkl") && entry.getName().indexOf('/') == entry.getName().length() - 9) {
                pickles.add(entry.getName());
            }
        }
        if (pickles.size() != 1) {
            throw new TorchFormatException(file + ": a torch.save archive holds exactly one <archive>/data.pkl, found "
                    + pickles);
        }
        String prefix = pickles.get(0).substring(0, pickles.get(0).length() - "data.pkl".length());
        TorchArchive probe = new TorchArchive(zip, prefix, ByteOrder.LITTLE_ENDIAN, file.toString());
        ZipEntry byteorder = zip.getEntry(prefix + "byteorder");
        if (byteorder != null && "big".equals(new String(probe.record("byteorder"), StandardCharsets.US_ASCII).trim())) {
            return new TorchArchive(zip, prefix, ByteOrder.BIG_ENDIAN, file.toString());
        }
        return probe;
    }

    private byte[] record(String name) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + name);
        if (entry == null) {
            throw new TorchFormatException(source + ": record '" + prefix + name + "' is missing from the archive; "
                    + "the checkpoint is incomplete or corrupt");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (ZipException e) {
            throw new TorchFormatException(source + ": record '" + prefix + name + "' cannot be read (" + e.getMessage()
                    + "); the checkpoint is corrupt", e);
        }
    }

    private TorchTensor materialise(TensorRef ref, String name) throws IOException {
        String where = source + " (" + name + ")";
        return new TorchTensor(ref.storage().dtype().name(), ref.shape(),
                StridedCopy.gather(ref, storage(ref.storage(), where), where));
    }

    private ByteBuffer storage(StorageRef ref, String where) throws IOException {
        ByteBuffer cached = storages.get(ref.key());
        if (cached != null) {
            return cached;
        }
        byte[] raw = record("data/" + ref.key());
        long needed = ref.numel() * ref.dtype().bytes;
        if (raw.length < needed) {
            throw new TorchFormatException(where + ": storage record data/" + ref.key() + " has " + raw.length
                    + " bytes but " + ref.numel() + " " + ref.dtype() + " elements need " + needed + "; the checkpoint is truncated");
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(order);
        storages.put(ref.key(), buffer);
        return buffer;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "None";
        }
        return value instanceof TensorRef ? "a tensor" : "a " + value.getClass().getSimpleName();
    }
}
