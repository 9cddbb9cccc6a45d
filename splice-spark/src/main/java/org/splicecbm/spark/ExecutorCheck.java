package org.splicecbm.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Fails fast when the executors cannot load the backbone: before any image is read or any file written, one small
 * task per default-parallelism slot loads the executor's model ({@link ExecutorSplice}, cached for the real tasks).
 */
final class ExecutorCheck {
    private ExecutorCheck() {}

    static void requireBackboneLoads(JavaSparkContext jsc, Broadcast<SpliceBundle> bundle) {
        int slots = Math.max(1, jsc.defaultParallelism());
        List<Integer> probes = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            probes.add(i);
        }
        try {
            jsc.parallelize(probes, slots).map(i -> ExecutorSplice.of(bundle.value()).backbone.embeddingDim()).collect();
        } catch (Exception e) { // SparkException is checked, but Scala throws it undeclared
            throw new IllegalStateException(rootMessage(e), e);
        }
    }

    /** The message of the deepest splice-cbm exception, else Spark's own. */
    static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BackboneUnavailableException || t instanceof BadImageException) {
                return t.getMessage();
            }
        }
        String text = String.valueOf(e.getMessage());
        for (String marker : List.of(BackboneUnavailableException.class.getName() + ": ", BadImageException.class.getName() + ": ")) {
            int at = text.indexOf(marker);
            if (at >= 0) { // executor exceptions reach the driver as text inside a SparkException
                String rest = text.substring(at + marker.length());
                int end = rest.indexOf('\n');
                return end < 0 ? rest : rest.substring(0, end);
            }
        }
        return e instanceof SparkException ? text : e.toString();
    }
}
