package org.splicecbm.backbone.transformer;

import ai.djl.ndarray.NDArray;

/**
 * The weights of one pre-LN residual block, in PyTorch {@code nn.Linear} layout ({@code [out, in]}).
 * Query, key and value projections are fused into one {@code [3 * width, width]} matrix (rows: q, k, v),
 * which is OpenAI CLIP's {@code in_proj_weight} and one matmul instead of three.
 */
public record TransformerLayerWeights(LayerNormWeights norm1, NDArray qkvWeight, NDArray qkvBias,
                                      NDArray outWeight, NDArray outBias, LayerNormWeights norm2,
                                      NDArray fc1Weight, NDArray fc1Bias, NDArray fc2Weight, NDArray fc2Bias) {
}
