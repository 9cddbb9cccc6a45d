/**
 * SpLiCE as a Java library: the API of SpLiCE's {@code splice} module (Bhalla et al., "Interpreting CLIP with
 * Sparse Linear Concept Embeddings", NeurIPS 2024; the reference's README, section "API") in Java idiom.
 *
 * <p>Start at {@link org.splicecbm.splice.Splice}: {@code Splice.load(backbone, vocabulary, vocabularySize,
 * Splice.options().optL1(0.25))} returns a {@link org.splicecbm.splice.SpliceModel} (SpLiCE's {@code SPLICE}
 * module) that encodes, decomposes, recomposes and intervenes; {@code Splice.decomposeImage / decomposeClasses /
 * decomposeDataset} are SpLiCE's three summary helpers. {@link org.splicecbm.splice.SpliceAssembly} is the one
 * place where a dictionary, an image mean and the solver are put together and checked to belong together
 * ({@link org.splicecbm.splice.ConceptBasisCheck}); the feature pipeline, the zero-shot study and the CLI use it.
 *
 * <p>In the flow it sits after {@code decompose} (it builds on {@code backbone}, {@code image}, {@code concepts}
 * and {@code decompose}); the feature stage, the zero-shot study and everything in {@code bottleneck-train}
 * build on it.
 */
package org.splicecbm.splice;
