package org.splicecbm.backbone.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Reads tensors from a <a href="https://github.com/huggingface/safetensors">safetensors</a> file:
 * an 8-byte little-endian header length, a JSON header mapping names to dtype, shape and data offsets,
 * then raw little-endian data. Parsed here directly (no native library) so F64, F32, F16, BF16 and I64 work
 * and files beyond 2 GiB are read with positional channel reads rather than one mapping.
 *
 * <p>Floating tensors are always returned as float32. Every error names the file and, where it
 * applies, the tensor, what was expected and what was found.
 */
public final class SafetensorsFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final Map<String, TensorInfo> tensors;

    private SafetensorsFile(Path path, FileChannel channel, Map<String, TensorInfo> tensors) {
        this.path = path;
        this.channel = channel;
        this.tensors = tensors;
    }

    /** Opens and validates the header of a safetensors file; the data is read lazily. */
    public static SafetensorsFile open(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new SafetensorsException("safetensors file not found: " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open safetensors file " + path, e);
        }
        try {
            return new SafetensorsFile(path, channel, SafetensorsHeader.read(path, channel));
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The file this reader was opened on. */
    public Path path() {
        return path;
    }

    /** Tensor names in the file (the {@code __metadata__} entry excluded). */
    public Set<String> names() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    /** Whether the file holds a tensor of that name. */
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    /** The header entry of a tensor; fails naming the file when absent. */
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new SafetensorsException("tensor '" + name + "' is missing from " + path + " (it holds "
                    + tensors.size() + " tensors" + nearbyNames(name) + ")");
        }
        return info;
    }

    /** Reads a floating tensor (F64, F32, F16 or BF16) as float32, in row-major order. */
    public float[] readFloats(String name) {
        TensorInfo info = info(name);
        if (!info.dtype().isFloating()) {
            throw new SafetensorsException("tensor '" + name + "' in " + path + " must be a floating type"
                    + " (F64, F32, F16, BF16), found " + info.dtype());
        }
        float[] out = new float[checkedLength(info)];
        int[] next = {0};
        TensorBytes.read(channel, path, info, buffer -> next[0] = FloatDecoding.decode(info.dtype(), buffer, out, next[0]));
        return out;
    }

    /** Reads an I64 tensor. */
    public long[] readLongs(String name) {
        TensorInfo info = info(name);
        if (info.dtype() != SafetensorsDtype.I64) {
            throw new SafetensorsException("tensor '" + name + "' in " + path + " must be I64, found "
                    + info.dtype());
        }
        long[] out = new long[checkedLength(info)];
        int[] next = {0};
        TensorBytes.read(channel, path, info, buffer -> {
            while (buffer.remaining() >= 8) {
                out[next[0]++] = buffer.getLong();
            }
        });
        return out;
    }

    /**
     * Loads a tensor as a float32 (int64 for I64) NDArray owned by {@code manager}; other integer types fail.
     *
     * @param expectedShape the shape the caller needs; empty to accept any shape
     */
    public NDArray load(NDManager manager, String name, long... expectedShape) {
        TensorInfo info = info(name);
        if (expectedShape.length > 0 || info.shape().length == 0) {
            requireShape(info, expectedShape);
        }
        Shape shape = new Shape(info.shape());
        if (info.dtype() == SafetensorsDtype.I64) {
            return manager.create(readLongs(name), shape);
        }
        return manager.create(readFloats(name), shape);
    }

    /**
     * Loads a floating tensor (F64, F32, F16 or BF16) as a float32 NDArray of exactly {@code expectedShape};
     * model weights go through here so that an integer tensor is refused rather than mixed in.
     */
    public NDArray loadFloats(NDManager manager, String name, long... expectedShape) {
        TensorInfo info = info(name);
        requireShape(info, expectedShape);
        return manager.create(readFloats(name), new Shape(info.shape()));
    }

    /** Fails unless the tensor has exactly the given shape. */
    public void requireShape(TensorInfo info, long... expectedShape) {
        if (!Arrays.equals(info.shape(), expectedShape)) {
            throw new SafetensorsException("tensor '" + info.name() + "' in " + path + " must have shape "
                    + Arrays.toString(expectedShape) + ", found " + info.shapeText()
                    + " (does the config match these weights?)");
        }
    }

    private int checkedLength(TensorInfo info) {
        long n = info.elementCount();
        if (n > Integer.MAX_VALUE - 8) {
            throw new SafetensorsException("tensor '" + info.name() + "' in " + path + " has " + n
                    + " elements, more than a Java array holds");
        }
        return (int) n;
    }

    private String nearbyNames(String name) {
        int cut = name.lastIndexOf('.');
        String prefix = cut > 0 ? name.substring(0, cut) : name;
        return tensors.keySet().stream().filter(n -> n.startsWith(prefix)).sorted().limit(5)
                .reduce((a, b) -> a + ", " + b).map(s -> "; similar names: " + s).orElse("");
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Read-only channel: nothing was written that a failed close could lose.
        }
    }
}
