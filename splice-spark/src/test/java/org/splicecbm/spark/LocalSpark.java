package org.splicecbm.spark;

import org.apache.spark.sql.SparkSession;

/** Spark sessions for tests: small, UI off, bound to 127.0.0.1. */
final class LocalSpark {
    private LocalSpark() {}

    static SparkSession start(String master) {
        return SparkSession.builder().appName("splice-spark-test").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
