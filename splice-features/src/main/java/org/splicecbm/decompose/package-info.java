/**
 * SpLiCE's decomposition (Bhalla et al., "Interpreting CLIP with Sparse Linear Concept Embeddings",
 * NeurIPS 2024): the concept dictionary formula ({@link org.splicecbm.concepts.DictionaryMath#centre}),
 * the exact batched nonnegative lasso solver ({@link org.splicecbm.decompose.NonnegativeLasso}),
 * decompose / recompose / intervene with L0 and cosine ({@link org.splicecbm.decompose.SpliceDecomposer}),
 * and dataset / class summaries ({@link org.splicecbm.decompose.DecompositionSummary}).
 * The algorithm and its measured speed are described in {@code benchmarks/solver.md}.
 */
package org.splicecbm.decompose;
