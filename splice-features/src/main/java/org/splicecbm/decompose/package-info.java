/**
 * SpLiCE's decomposition (Bhalla et al., "Interpreting CLIP with Sparse Linear Concept Embeddings",
 * NeurIPS 2024): the concept dictionary formula ({@link org.splicecbm.concepts.DictionaryMath#centre}),
 * the exact batched nonnegative lasso solver ({@link org.splicecbm.decompose.NonnegativeLasso}),
 * decompose / recompose / intervene with L0 and cosine ({@link org.splicecbm.decompose.SpliceDecomposer}),
 * and dataset / class summaries ({@link org.splicecbm.decompose.DecompositionSummary}).
 * The solver's inner loops run on the JDK's SIMD Vector API when the JVM has
 * {@code --add-modules=jdk.incubator.vector} and in plain Java otherwise, with the same bits either way.
 * The algorithm and its measured speed are described in {@code benchmarks/solver.md}.
 */
package org.splicecbm.decompose;
