package org.splicecbm.torch;

/**
 * A checkpoint whose pickle asks for a Python global outside the allow-list (for example
 * {@code os.system} or {@code builtins.eval}). Such a file is refused before anything in it is used:
 * reading a checkpoint can never run code.
 */
public final class UnsafePickleException extends TorchFormatException {
    private final String global;

    public UnsafePickleException(String global, String message) {
        super(message);
        this.global = global;
    }

    /** The refused global as {@code module.name}. */
    public String global() {
        return global;
    }
}
