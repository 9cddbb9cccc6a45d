package org.splicecbm.store;

/**
 * An image left out because it could not be decoded ({@code on_bad_image: skip}); listed in the
 * metadata of caches and feature sets so no row silently disappears.
 *
 * @param id       the sample id
 * @param location where its pixels were read from
 * @param reason   the decoder's error message
 */
public record SkippedImage(String id, String location, String reason) {}
