package org.splicecbm.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What determines a set of cached raw CLIP image embeddings: the backbone (its cache key, ideally
 * name plus weight checksum), the dataset content (a fingerprint of sample ids, labels and sources),
 * the split and the preprocessing. Anything that does not change the embeddings (SpLiCE's l1, the
 * vocabulary) is deliberately absent, so those can change without re-embedding.
 */
public record EmbeddingCacheKey(String backbone, String datasetFingerprint, String split, String preprocessing) {

    /** 16 hex digits of SHA-256 over the four parts: the cache directory name. */
    public String digest() {
        MessageDigest sha = Sha256.digest();
        for (String part : new String[] {backbone, datasetFingerprint, split, preprocessing}) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}
