/**
 * The feature stage: images to cached CLIP embeddings ({@link org.splicecbm.features.EmbeddingStage}, resumable) to
 * sparse SpLiCE concept weights written as feature sets ({@link org.splicecbm.features.FeatureStage},
 * {@link org.splicecbm.features.DecompositionStage}); {@link org.splicecbm.features.SpliceSetup} builds the dictionary,
 * image mean and solver a {@link org.splicecbm.features.SpliceStep} runs. Follows {@code data} and {@code decompose};
 * {@code zeroshot} and the config-driven {@code pipeline} use it.
 */
package org.splicecbm.features;
