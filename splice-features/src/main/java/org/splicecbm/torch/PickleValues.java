package org.splicecbm.torch;

import java.util.List;

/**
 * The few Python values a state-dict pickle builds besides strings, numbers, lists and dicts. Kept as
 * inert data: nothing here can call back into arbitrary code.
 */
final class PickleValues {
    private PickleValues() {}

    /** A Python tuple (immutable; may hold nulls for None). */
    record Tuple(List<Object> items) {
        Object get(int i) {
            return items.get(i);
        }

        int size() {
            return items.size();
        }
    }

    /** A global the allow-list let through, e.g. {@code torch._utils._rebuild_tensor_v2}. */
    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    /** A storage named by a persistent id: its record {@code data/<key>} holds {@code numel} elements. */
    record StorageRef(TorchDtype dtype, String key, String location, long numel) {}

    /** A tensor view of a storage as {@code _rebuild_tensor_v2} describes it. */
    record TensorRef(StorageRef storage, long offset, long[] shape, long[] stride) {}
}
