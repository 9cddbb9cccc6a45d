/**
 * splice-cbm on Apache Spark (Spark 4.0, Scala 2.13, Java 17): the SpLiCE feature stage (Bhalla et al., "Interpreting
 * CLIP with Sparse Linear Concept Embeddings", NeurIPS 2024) as a Spark job from an image manifest to a sharded Parquet
 * feature table ({@link org.splicecbm.spark.SparkFeatureJob}, {@link org.splicecbm.spark.FeatureTable}) with the same
 * weights as the single-machine stage, conversion to and from the project's feature sets
 * ({@link org.splicecbm.spark.FeatureSetConverter}), and the L1 concept-bottleneck probe with MLlib exported in the
 * project's probe format ({@link org.splicecbm.spark.MllibProbe}, {@link org.splicecbm.spark.ProbeExport}).
 * Depends on splice-features only; Spark is provided by the cluster.
 */
package org.splicecbm.spark;
