package org.splicecbm.spark;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code _splice.json} of a Parquet feature table: the settings and provenance of SpLiCE's decomposition (Bhalla et
 * al., NeurIPS 2024), the concept names in column order, versions and the creation time. Spark's readers skip files
 * starting with {@code _}, so it sits inside the table folder. The provenance part (all but the concept list) is also
 * in every Parquet footer ({@link FeatureTable#PROVENANCE_KEY}).
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param settings      what was computed
 * @param provenance    where the numbers come from
 * @param versions      splice-cbm, Spark, Java
 * @param concepts      concept names; column j of the weights is concepts[j] (null in the footer copy)
 * @param createdAt     ISO-8601 time the table was started
 */
public record TableInfo(int formatVersion, SpliceSettings settings, SpliceBundle.Provenance provenance,
                        java.util.Map<String, String> versions, List<String> concepts, String createdAt) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE = "_splice.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The same information without the concept list and the time, for comparing and for Parquet footers. */
    @JsonIgnore
    public TableInfo provenanceOnly() {
        return new TableInfo(formatVersion, settings, provenance, versions, null, null);
    }

    /** Whether a table with this info can be resumed or reused for {@code other}: everything but the time agrees. */
    public boolean sameContent(TableInfo other) {
        return new TableInfo(formatVersion, settings, provenance, versions, concepts, null)
                .equals(new TableInfo(other.formatVersion, other.settings, other.provenance, other.versions, other.concepts, null));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise table info", e);
        }
    }

    /** Writes {@code _splice.json} into {@code table}. */
    public void write(Path table, Configuration conf) throws IOException {
        FileSystem fs = table.getFileSystem(conf);
        try (OutputStream out = fs.create(new Path(table, FILE), true)) {
            out.write(toJson().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads {@code _splice.json} of {@code table}; the error says how such a table is made. */
    public static TableInfo read(Path table, Configuration conf) throws IOException {
        Path file = new Path(table, FILE);
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            throw new IOException(table + " is not a SpLiCE Parquet feature table: " + FILE + " is missing (tables are"
                    + " written by `splice-spark features` or `convert`)");
        }
        try (InputStream in = fs.open(file)) {
            TableInfo info = JSON.readValue(in, TableInfo.class);
            if (info.formatVersion() != FORMAT_VERSION) {
                throw new IOException(file + ": format_version must be " + FORMAT_VERSION + ", found " + info.formatVersion());
            }
            return info;
        }
    }
}
