package org.splicecbm.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet feature table: one row per manifest row, SpLiCE's sparse concept weights (Bhalla et al., NeurIPS 2024)
 * as two parallel arrays, partitioned into {@code shard=K} folders (each written and committed by one Spark task).
 *
 * <pre>
 * row              long          position in the manifest (0-based): the order of the single-machine feature set
 * id               string        the manifest's id, else its path
 * path             string        image path or URI as in the manifest
 * label            long          class index
 * split            string        train | val | test
 * concept_indices  array&lt;int&gt;    columns (dictionary rows) with a nonzero weight, ascending
 * concept_weights  array&lt;float&gt;  their weights (> 0)
 * l0               int           number of nonzero weights
 * cosine           float         cosine of the embedding and its SpLiCE reconstruction (NaN for an all-zero embedding)
 * embedding        array&lt;float&gt;  raw CLIP embedding (only with keep_embedding)
 * skipped          string        why the image was skipped under on_bad_image: skip (null for decomposed rows)
 * shard            int           partition column: row / shard_rows
 * </pre>
 * The provenance (backbone identity, vocabulary and size, dictionary SHA-256, image-mean source, l1, tolerance,
 * versions) is stored as the metadata of {@code concept_weights}, which Spark writes into every Parquet file's footer
 * ({@code org.apache.spark.sql.parquet.row.metadata}), and as {@code _splice.json} in the table folder.
 */
public final class FeatureTable {
    public static final String ROW = "row";
    public static final String ID = "id";
    public static final String PATH = "path";
    public static final String LABEL = "label";
    public static final String SPLIT = "split";
    public static final String INDICES = "concept_indices";
    public static final String WEIGHTS = "concept_weights";
    public static final String L0 = "l0";
    public static final String COSINE = "cosine";
    public static final String EMBEDDING = "embedding";
    public static final String SKIPPED = "skipped";
    public static final String SHARD = "shard";
    /** Key of the provenance JSON in the metadata of {@link #WEIGHTS}. */
    public static final String PROVENANCE_KEY = "splice_provenance";

    private FeatureTable() {}

    /** The schema; {@code provenanceJson} goes into the weights column's metadata. */
    public static StructType schema(boolean withEmbedding, String provenanceJson) {
        Metadata provenance = new org.apache.spark.sql.types.MetadataBuilder().putString(PROVENANCE_KEY, provenanceJson).build();
        StructType s = new StructType()
                .add(ROW, DataTypes.LongType, false)
                .add(ID, DataTypes.StringType, false)
                .add(PATH, DataTypes.StringType, false)
                .add(LABEL, DataTypes.LongType, false)
                .add(SPLIT, DataTypes.StringType, false)
                .add(INDICES, DataTypes.createArrayType(DataTypes.IntegerType, false), false)
                .add(new StructField(WEIGHTS, DataTypes.createArrayType(DataTypes.FloatType, false), false, provenance))
                .add(L0, DataTypes.IntegerType, false)
                .add(COSINE, DataTypes.FloatType, false);
        if (withEmbedding) {
            s = s.add(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), true);
        }
        return s.add(SKIPPED, DataTypes.StringType, true).add(SHARD, DataTypes.IntegerType, false);
    }

    /** A Java array as the value of an {@code array<int>} column of a {@link org.apache.spark.sql.Row}. */
    static Integer[] arrayValue(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    /** A Java array as the value of an {@code array<float>} column of a {@link org.apache.spark.sql.Row}. */
    static Float[] arrayValue(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
