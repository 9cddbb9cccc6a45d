/**
 * The feature-side stages driven by a {@link org.splicecbm.config.FeatureConfig}: the feature stage
 * ({@link org.splicecbm.pipeline.FeaturePipeline}), a dataset's decomposition summary
 * ({@link org.splicecbm.pipeline.DatasetDecomposition}) and the zero-shot study
 * ({@link org.splicecbm.pipeline.ZeroShotEvaluation}). The top of the features module; the training module's
 * {@code workflow} and {@code cli} call it.
 */
package org.splicecbm.pipeline;
