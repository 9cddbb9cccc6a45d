package org.splicecbm.torch;

import java.util.LinkedHashMap;
import java.util.Set;
import org.splicecbm.torch.PickleValues.Global;
import org.splicecbm.torch.PickleValues.StorageRef;
import org.splicecbm.torch.PickleValues.TensorRef;
import org.splicecbm.torch.PickleValues.Tuple;

/**
 * The allow-list of Python globals a PyTorch state dict may name, and what calling each one means.
 * Everything else ({@code os.system}, {@code builtins.eval}, {@code posix.system}, any class) is
 * refused when the pickle first names it, so a malicious checkpoint never gets to run anything.
 */
final class PickleGlobals {
    private static final Set<String> CALLABLES = Set.of(
            "collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter");

    private PickleGlobals() {}

    /** Resolves {@code module.name}, refusing anything outside the allow-list. */
    static Global resolve(String module, String name, String source) throws UnsafePickleException {
        String qualified = module + "." + name;
        boolean storageType = module.equals("torch") && TorchDtype.ofStorageClass(name) != null;
        if (!storageType && !CALLABLES.contains(qualified)) {
            throw new UnsafePickleException(qualified, source + ": the pickle asks for the Python global '" + qualified
                    + "', which a tensor checkpoint never needs; refusing to load it (allowed: " + CALLABLES
                    + " and torch.*Storage types). Only load checkpoints from a source you trust.");
        }
        return new Global(module, name);
    }

    /** The result of the pickle's REDUCE: calls {@code callable(*args)} for the allowed callables. */
    static Object call(Global callable, Tuple args, String source) throws TorchFormatException {
        return switch (callable.qualified()) {
            case "collections.OrderedDict" -> new LinkedHashMap<Object, Object>();
            case "torch._utils._rebuild_tensor_v2" -> rebuildTensor(args, source);
            case "torch._utils._rebuild_parameter" -> arg(args, 0, TensorRef.class, callable, source);
            default -> throw new TorchFormatException(source + ": '" + callable.qualified()
                    + "' is a type, not a function the pickle may call");
        };
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks, ...)}. */
    private static TensorRef rebuildTensor(Tuple args, String source) throws TorchFormatException {
        Global self = new Global("torch._utils", "_rebuild_tensor_v2");
        StorageRef storage = arg(args, 0, StorageRef.class, self, source);
        long offset = arg(args, 1, Long.class, self, source);
        long[] shape = longs(arg(args, 2, Tuple.class, self, source), source);
        long[] stride = longs(arg(args, 3, Tuple.class, self, source), source);
        if (shape.length != stride.length) {
            throw new TorchFormatException(source + ": tensor has " + shape.length + " dimensions but "
                    + stride.length + " strides");
        }
        return new TensorRef(storage, offset, shape, stride);
    }

    private static <T> T arg(Tuple args, int i, Class<T> type, Global callable, String source)
            throws TorchFormatException {
        Object value = i < args.size() ? args.get(i) : null;
        if (!type.isInstance(value)) {
            throw new TorchFormatException(source + ": argument " + i + " of " + callable.qualified() + " should be a "
                    + type.getSimpleName() + ", found " + (value == null ? "None" : value.getClass().getSimpleName()));
        }
        return type.cast(value);
    }

    private static long[] longs(Tuple tuple, String source) throws TorchFormatException {
        long[] out = new long[tuple.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(tuple.get(i) instanceof Long value) || value < 0) {
                throw new TorchFormatException(source + ": tensor sizes and strides must be non-negative integers, found "
                        + tuple.items());
            }
            out[i] = value;
        }
        return out;
    }
}
