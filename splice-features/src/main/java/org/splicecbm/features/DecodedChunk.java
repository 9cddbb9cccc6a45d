package org.splicecbm.features;

import java.util.List;
import org.splicecbm.data.Sample;
import org.splicecbm.store.SkippedImage;

/**
 * One chunk of samples decoded and preprocessed, ready for the forward pass.
 *
 * @param index   chunk number in the split
 * @param kept    samples that decoded, in dataset order
 * @param pixels  one preprocessed CHW row per kept sample
 * @param skipped samples left out ({@code on_bad_image: skip})
 */
record DecodedChunk(int index, List<Sample> kept, float[][] pixels, List<SkippedImage> skipped) {}
