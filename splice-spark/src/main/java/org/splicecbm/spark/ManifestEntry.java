package org.splicecbm.spark;

import java.io.Serializable;

/**
 * One manifest row: where the image is and what it is.
 *
 * @param row   0-based position in the manifest (the feature row it becomes)
 * @param id    the manifest's id, else the path
 * @param path  image path or URI (any Hadoop file system: {@code file:}, {@code hdfs:}, {@code s3a:}...)
 * @param label class index
 * @param split {@code train}, {@code val} or {@code test}
 */
public record ManifestEntry(long row, String id, String path, long label, String split) implements Serializable {
    /** The shard this row belongs to. */
    int shard(int shardRows) {
        return Math.toIntExact(row / shardRows);
    }
}
