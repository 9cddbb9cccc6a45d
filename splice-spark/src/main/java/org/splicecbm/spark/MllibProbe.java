package org.splicecbm.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The concept-bottleneck probe at scale: Spark MLlib's multinomial {@link LogisticRegression} with a pure L1 penalty
 * ({@code elasticNetParam = 1}, {@code standardization = false}: the penalty acts on the concept weights as they are,
 * like the project's probe) on a Parquet feature table, exported in the project's probe format ({@link ProbeExport}).
 *
 * <p>MLlib minimises {@code (1/n) sum_i -log p(y_i | x_i) + regParam ||W||_1} (intercepts unpenalised), the project's
 * probe objective with {@code probe.l1 = regParam} and {@code probe.l2 = 0}; scikit-learn's
 * {@code LogisticRegression(penalty='l1', C)} minimises {@code C sum_i loss_i + ||W||_1}, the same optimum for
 * {@code C = 1 / (regParam n)}. Checked against scikit-learn in {@code MllibProbeTest}.
 *
 * @param l1      {@code probe.l1} = MLlib's regParam
 * @param maxIter OWL-QN iterations at most
 * @param tol     OWL-QN convergence tolerance (relative change of the objective)
 */
public record MllibProbe(double l1, int maxIter, double tol) {
    public MllibProbe {
        if (!(l1 >= 0) || Double.isInfinite(l1) || maxIter < 1 || !(tol > 0)) {
            throw new IllegalArgumentException("probe l1 must be finite >= 0, max_iter >= 1 and tol > 0; found l1 " + l1
                    + ", max_iter " + maxIter + ", tol " + tol);
        }
    }

    /** A trained probe: MLlib's model plus what the export needs. */
    public record Trained(LogisticRegressionModel model, TableInfo features, long examples, int iterations) {}

    /** Trains on the rows of {@code split} of the table at {@code table} (skipped images left out). */
    public Trained train(SparkSession spark, Path table, String split) throws IOException {
        TableInfo info = TableInfo.read(new org.apache.hadoop.fs.Path(table.toString()), spark.sparkContext().hadoopConfiguration());
        Dataset<Row> data = vectors(spark, table, split, info.concepts().size()).cache();
        try {
            long n = data.count();
            if (n == 0) {
                throw new IllegalArgumentException(table + " has no decomposed rows in split '" + split + "'");
            }
            LogisticRegression lr = new LogisticRegression().setFamily("multinomial").setElasticNetParam(1.0)
                    .setRegParam(l1).setStandardization(false).setFitIntercept(true).setMaxIter(maxIter).setTol(tol);
            LogisticRegressionModel model = lr.fit(data);
            return new Trained(model, info, n, model.summary().totalIterations());
        } finally {
            data.unpersist();
        }
    }

    /** (label, features) rows of one split: the sparse concept weights as MLlib sparse vectors of size k. */
    static Dataset<Row> vectors(SparkSession spark, Path table, String split, int concepts) {
        StructType schema = new StructType().add("label", DataTypes.DoubleType, false)
                .add("features", SQLDataTypes.VectorType(), false);
        Dataset<Row> rows = spark.read().parquet(table.toString())
                .where(FeatureTable.SKIPPED + " is null and " + FeatureTable.SPLIT + " = '" + split.replace("'", "") + "'")
                .select(FeatureTable.LABEL, FeatureTable.INDICES, FeatureTable.WEIGHTS);
        return spark.createDataFrame(rows.javaRDD().map(r -> {
            List<Integer> idx = r.getList(1);
            List<Float> w = r.getList(2);
            int[] indices = new int[idx.size()];
            double[] values = new double[idx.size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = idx.get(i);
                values[i] = w.get(i);
            }
            return RowFactory.create((double) r.getLong(0), Vectors.sparse(concepts, indices, values));
        }), schema);
    }
}
