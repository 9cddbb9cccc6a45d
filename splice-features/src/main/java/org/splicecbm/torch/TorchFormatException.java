package org.splicecbm.torch;

import java.io.IOException;

/**
 * A PyTorch checkpoint that cannot be read: not a {@code torch.save} zip archive, a truncated or
 * corrupt record, a tensor that does not fit its storage, or a pickle this reader refuses to run.
 * The message names the file and what was expected.
 */
public class TorchFormatException extends IOException {
    public TorchFormatException(String message) {
        super(message);
    }

    public TorchFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
