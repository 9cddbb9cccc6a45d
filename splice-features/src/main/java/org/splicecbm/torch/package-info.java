/**
 * {@code torch.save} checkpoints without Python: {@link org.splicecbm.torch.TorchArchive} reads the zip layout
 * through a restricted unpickler ({@link org.splicecbm.torch.PickleMachine}) that rebuilds tensors and nothing
 * else. Used by {@code backbone.weights} and {@code concepts} (SpLiCE's published {@code .pt} files); imports no other package.
 */
package org.splicecbm.torch;
