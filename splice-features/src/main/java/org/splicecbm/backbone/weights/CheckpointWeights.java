package org.splicecbm.backbone.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.splicecbm.backbone.ClipModelException;
import org.splicecbm.torch.TorchArchive;
import org.splicecbm.torch.TorchTensor;

/**
 * The tensors of a checkpoint by name, from a safetensors file when the model directory has one, else from a
 * {@code torch.save} state dict ({@code pytorch_model.bin}, {@code open_clip_pytorch_model.bin}) read by the safe
 * {@link TorchArchive}. Every lookup states the shape the model needs, so a checkpoint that does not fit its
 * config fails naming the tensor, the file, and both shapes.
 */
public final class CheckpointWeights implements TensorSource, AutoCloseable {
    private static final Set<String> FLOATING = Set.of("F32", "F16", "BF16", "F64");

    private final Path file;
    private final SafetensorsFile safetensors;
    private final Map<String, TorchTensor> stateDict;

    private CheckpointWeights(Path file, SafetensorsFile safetensors, Map<String, TorchTensor> stateDict) {
        this.file = file;
        this.safetensors = safetensors;
        this.stateDict = stateDict;
    }

    /** Opens the weights in a model directory, preferring safetensors. */
    public static CheckpointWeights open(Path dir, String safetensorsName, String torchBinName) {
        Path st = dir.resolve(safetensorsName);
        if (Files.isRegularFile(st)) {
            return new CheckpointWeights(st, SafetensorsFile.open(st), null);
        }
        Path bin = dir.resolve(torchBinName);
        if (Files.isRegularFile(bin)) {
            return fromTorch(bin);
        }
        throw new ClipModelException(dir + " holds neither " + safetensorsName + " nor " + torchBinName
                + "; download the model's weights into it");
    }

    /** Reads a torch.save state dict (the whole file is read now; the archive is closed after). */
    public static CheckpointWeights fromTorch(Path bin) {
        try {
            return new CheckpointWeights(bin, null, TorchArchive.readStateDict(bin));
        } catch (IOException e) {
            throw new ClipModelException("cannot read model weights: " + e.getMessage(), e);
        }
    }

    /** In-memory tensors (e.g. built by a test); {@code origin} names them in errors. */
    public static CheckpointWeights of(String origin, Map<String, TorchTensor> tensors) {
        return new CheckpointWeights(Path.of(origin), null, Map.copyOf(tensors));
    }

    /** The file the tensors come from. */
    public Path file() {
        return file;
    }

    /** Names of all tensors in the checkpoint. */
    public Set<String> names() {
        return safetensors != null ? safetensors.names() : stateDict.keySet();
    }

    @Override
    public float[] floats(String name, long... shape) {
        long[] found = shapeOf(name);
        if (!Arrays.equals(found, shape)) {
            throw new ClipModelException("tensor '" + name + "' in " + file + " must have shape " + Arrays.toString(shape)
                    + ", found " + Arrays.toString(found) + " (does the model config match these weights?)");
        }
        if (safetensors != null) {
            return safetensors.readFloats(name);
        }
        TorchTensor tensor = stateDict.get(name);
        if (!FLOATING.contains(tensor.dtype())) {
            throw new ClipModelException("tensor '" + name + "' in " + file + " must be a floating type " + FLOATING
                    + ", found " + tensor.dtype());
        }
        return tensor.values();
    }

    private long[] shapeOf(String name) {
        if (!names().contains(name)) {
            throw new ClipModelException("tensor '" + name + "' is missing from " + file + " (" + names().size()
                    + " tensors); does the model config match this checkpoint?");
        }
        return safetensors != null ? safetensors.info(name).shape() : stateDict.get(name).shape();
    }

    @Override
    public void close() {
        if (safetensors != null) {
            safetensors.close();
        }
    }
}
