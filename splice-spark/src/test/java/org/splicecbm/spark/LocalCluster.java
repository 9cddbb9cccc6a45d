package org.splicecbm.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * A real Spark standalone cluster on 127.0.0.1 ({@code local-cluster[2,1,1024]}: a master and two workers, each
 * worker launching its executor as a separate JVM with the test classpath), and the means to kill an executor JVM.
 * The workers need a SPARK_HOME with a {@code jars} folder (empty here: executors get the test classpath through
 * {@code spark.executor.extraClassPath}); surefire points SPARK_HOME at target/spark-home.
 */
final class LocalCluster {
    private LocalCluster() {}

    static SparkSession start() throws IOException {
        String home = System.getenv("SPARK_HOME");
        if (home == null) {
            throw new IllegalStateException("SPARK_HOME must be set for local-cluster mode (surefire sets target/spark-home)");
        }
        Files.createDirectories(Path.of(home, "jars"));
        String jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules") || a.startsWith("-Dai.djl")
                        || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect") || a.equals("-XX:+IgnoreUnrecognizedVMOptions"))
                .collect(Collectors.joining(" "));
        return SparkSession.builder().appName("splice-spark-cluster-test").master("local-cluster[2,1,1024]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.extraJavaOptions", jvmOptions + " -Djava.awt.headless=true -Dsplice.noProgress=true")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    /** The executor JVMs this JVM's workers launched. */
    static List<ProcessHandle> executors() {
        return ProcessHandle.current().descendants().filter(LocalCluster::isExecutor).toList();
    }

    /** Reads /proc/PID/cmdline: ProcessHandle.Info truncates the long command line (the classpath) of an executor. */
    private static boolean isExecutor(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).contains("CoarseGrainedExecutorBackend");
        } catch (IOException e) {
            return p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend");
        }
    }

    /** Kills one executor JVM with SIGKILL; returns its pid. */
    static Optional<Long> killOneExecutor() {
        return executors().stream().findFirst().map(p -> {
            p.destroyForcibly();
            return p.pid();
        });
    }
}
