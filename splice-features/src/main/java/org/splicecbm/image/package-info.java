/**
 * CLIP's image preprocessing, faithful to PIL: decoding ({@link org.splicecbm.image.ImageDecoder}), bicubic
 * resampling ({@link org.splicecbm.image.PilBicubic}), centre crop and normalisation
 * ({@link org.splicecbm.image.ImagePreprocessor}, configured by {@link org.splicecbm.image.PreprocessSpec}).
 * Below {@code backbone} and {@code data}; imports only {@code validation}.
 */
package org.splicecbm.image;
