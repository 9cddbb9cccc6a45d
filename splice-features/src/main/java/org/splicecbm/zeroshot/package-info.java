/**
 * SpLiCE's zero-shot study (Bhalla et al., NeurIPS 2024, Sec. 5.1): class prompts, dense and SpLiCE-reconstructed
 * zero-shot classification ({@link org.splicecbm.zeroshot.ZeroShotStudy}), per-l1 results. Follows {@code features};
 * {@code pipeline.ZeroShotEvaluation} drives it from a config.
 */
package org.splicecbm.zeroshot;
