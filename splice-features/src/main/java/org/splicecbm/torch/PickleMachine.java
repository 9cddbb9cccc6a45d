package org.splicecbm.torch;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splicecbm.torch.PickleValues.Global;
import org.splicecbm.torch.PickleValues.StorageRef;
import org.splicecbm.torch.PickleValues.Tuple;

/**
 * A restricted pickle virtual machine for the protocol 2-5 opcodes that {@code torch.save} writes for
 * tensors and state dicts. Unlike Python's unpickler it never imports or instantiates anything: globals go
 * through {@link PickleGlobals}' allow-list and storages stay references to the archive's records.
 */
final class PickleMachine {
    private final ByteBuffer in;
    private final String source;
    private List<Object> stack = new ArrayList<>();
    private final Deque<List<Object>> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private PickleMachine(byte[] pickle, String source) {
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
        this.source = source;
    }

    /** Runs {@code pickle} to its STOP and returns the value it built. */
    static Object load(byte[] pickle, String source) throws TorchFormatException {
        PickleMachine machine = new PickleMachine(pickle, source);
        try {
            return machine.run();
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new TorchFormatException(source + ": the pickle ends early or refers to data it never wrote (at byte "
                    + machine.in.position() + "); the checkpoint is truncated or corrupt", e);
        } catch (ClassCastException e) {
            throw new TorchFormatException(source + ": malformed pickle near byte " + machine.in.position()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private Object run() throws TorchFormatException {
        while (true) {
            int at = in.position();
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> in.get(); // PROTO: every protocol 2-5 opcode below is understood
                case 0x95 -> in.getLong(); // FRAME: framing is only a buffering hint
                case '.' -> { return pop(); } // STOP
                case '}' -> push(new java.util.LinkedHashMap<>());
                case ']' -> push(new ArrayList<>());
                case ')' -> push(new Tuple(List.of()));
                case '(' -> { marks.push(stack); stack = new ArrayList<>(); }
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> push(stack.get(stack.size() - 1));
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) in.getInt());
                case 'K' -> push((long) (in.get() & 0xff));
                case 'M' -> push((long) (in.getShort() & 0xffff));
                case 0x8a -> push(littleEndianLong(in.get() & 0xff));
                case 0x8b -> push(littleEndianLong(length(in.getInt())));
                case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // BINFLOAT is big-endian
                case 'X' -> push(utf8(length(in.getInt())));
                case 0x8c -> push(utf8(in.get() & 0xff));
                case 0x8d -> push(utf8(length(in.getLong())));
                case 'C' -> push(bytes(in.get() & 0xff));
                case 'B' -> push(bytes(length(in.getInt())));
                case 't' -> push(tuple(popMark()));
                case 0x85 -> push(tuple(popN(1)));
                case 0x86 -> push(tuple(popN(2)));
                case 0x87 -> push(tuple(popN(3)));
                case 'l' -> push(new ArrayList<>(popMark()));
                case 'd' -> push(dict(popMark()));
                case 'a' -> { Object v = pop(); list(peek()).add(v); }
                case 'e' -> { List<Object> items = popMark(); list(peek()).addAll(items); }
                case 's' -> { Object v = pop(); Object k = pop(); map(peek()).put(k, v); }
                case 'u' -> { List<Object> kv = popMark(); map(peek()).putAll(dict(kv)); }
                case 'q' -> memo.put((long) (in.get() & 0xff), peek());
                case 'r' -> memo.put(in.getInt() & 0xffffffffL, peek());
                case 0x94 -> memo.put((long) memo.size(), peek());
                case 'h' -> push(memoized(in.get() & 0xff));
                case 'j' -> push(memoized(in.getInt() & 0xffffffffL));
                case 'c' -> push(PickleGlobals.resolve(line(), line(), source));
                case 0x93 -> { String name = (String) pop(); push(PickleGlobals.resolve((String) pop(), name, source)); }
                case 'R' -> { Tuple args = (Tuple) pop(); push(PickleGlobals.call(callable(pop()), args, source)); }
                case 'b' -> build(pop(), peek());
                case 'Q' -> push(persistentLoad(pop()));
                default -> throw new TorchFormatException(String.format(
                        "%s: pickle opcode 0x%02x at byte %d is not one a tensor checkpoint uses; refusing to load it",
                        source, op, at));
            }
        }
    }

    private void push(Object value) {
        stack.add(value);
    }

    private Object pop() {
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        List<Object> tail = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return tail;
    }

    private List<Object> popMark() throws TorchFormatException {
        if (marks.isEmpty()) {
            throw new TorchFormatException(source + ": pickle closes a MARK it never opened (byte " + in.position() + ")");
        }
        List<Object> items = stack;
        stack = marks.pop();
        return items;
    }

    private Tuple tuple(List<Object> items) {
        return new Tuple(Collections.unmodifiableList(new ArrayList<>(items)));
    }

    private Map<Object, Object> dict(List<Object> keysAndValues) {
        Map<Object, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.size(); i += 2) {
            out.put(keysAndValues.get(i), keysAndValues.get(i + 1));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> map(Object value) {
        return (Map<Object, Object>) value;
    }

    private Object memoized(long index) throws TorchFormatException {
        if (!memo.containsKey(index)) {
            throw new TorchFormatException(source + ": pickle reads memo slot " + index + " that was never written");
        }
        return memo.get(index);
    }

    private Global callable(Object value) throws TorchFormatException {
        if (value instanceof Global global) {
            return global;
        }
        throw new TorchFormatException(source + ": pickle calls a " + describe(value) + ", not an allowed function");
    }

    /** BUILD sets state on an object; the only one a state dict carries is OrderedDict's {@code _metadata}. */
    private void build(Object state, Object target) throws TorchFormatException {
        if (!(target instanceof Map)) {
            throw new TorchFormatException(source + ": pickle sets state on a " + describe(target)
                    + "; only dicts (state-dict metadata) accept state here");
        }
    }

    /** {@code ('storage', torch.FloatStorage, key, location, numel)}: a reference to record {@code data/<key>}. */
    private StorageRef persistentLoad(Object pid) throws TorchFormatException {
        if (pid instanceof Tuple t && t.size() == 5 && "storage".equals(t.get(0)) && t.get(1) instanceof Global type
                && t.get(2) instanceof String key && t.get(4) instanceof Long numel && numel >= 0) {
            TorchDtype dtype = TorchDtype.ofStorageClass(type.name());
            if (dtype != null) {
                return new StorageRef(dtype, key, String.valueOf(t.get(3)), numel);
            }
        }
        throw new TorchFormatException(source + ": unsupported persistent id " + describe(pid)
                + " (expected ('storage', torch.<Type>Storage, key, location, numel))");
    }

    private long littleEndianLong(int n) throws TorchFormatException {
        byte[] raw = bytes(n);
        if (n > 8) {
            throw new TorchFormatException(source + ": pickle integer of " + n + " bytes is too large");
        }
        byte[] bigEndian = new byte[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            bigEndian[n - 1 - i] = raw[i];
        }
        return n == 0 ? 0L : new BigInteger(bigEndian).longValue();
    }

    private int length(long declared) throws TorchFormatException {
        if (declared < 0 || declared > in.remaining()) {
            throw new TorchFormatException(source + ": pickle declares " + declared + " bytes of data but only "
                    + in.remaining() + " remain; the checkpoint is truncated or corrupt");
        }
        return (int) declared;
    }

    private byte[] bytes(int n) throws TorchFormatException {
        byte[] out = new byte[length(n)];
        in.get(out);
        return out;
    }

    private String utf8(int n) throws TorchFormatException {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    /** A newline-terminated ASCII argument of the text GLOBAL opcode. */
    private String line() throws TorchFormatException {
        StringBuilder out = new StringBuilder();
        for (byte b = in.get(); b != '\n'; b = in.get()) {
            if (out.length() > 256) {
                throw new TorchFormatException(source + ": pickle GLOBAL name longer than 256 characters");
            }
            out.append((char) (b & 0xff));
        }
        return out.toString();
    }

    private static String describe(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName() + " " + value;
    }
}
