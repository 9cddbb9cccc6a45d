/**
 * Checkpoint tensors by name: {@link org.splicecbm.backbone.weights.SafetensorsFile} (own reader, F32/F16/BF16/F64/I64,
 * over 2 GiB) and {@link org.splicecbm.backbone.weights.CheckpointWeights} (safetensors, else a {@code torch.save}
 * state dict through {@code org.splicecbm.torch}). Part of the {@code backbone} layer.
 */
package org.splicecbm.backbone.weights;
