package org.splicecbm.tracking;

import java.util.ArrayList;
import java.util.List;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

/**
 * Splits params, metrics and tags into {@code runs/log-batch} requests within MLflow's REST limits:
 * at most 1,000 metrics, 100 params and 100 tags, and 1,000 entities in total, per request
 * (a server answers {@code INVALID_PARAMETER_VALUE} to a larger batch).
 */
final class LogBatches {
    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_ENTITIES = 1000;

    /** One request's worth. */
    record Batch(List<Metric> metrics, List<Param> params, List<RunTag> tags) {}

    private LogBatches() {}

    /** The fewest greedy batches: each takes as many params and tags as allowed, then fills up with metrics. */
    static List<Batch> split(List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        List<Batch> out = new ArrayList<>();
        int m = 0;
        int p = 0;
        int t = 0;
        while (m < metrics.size() || p < params.size() || t < tags.size()) {
            int np = Math.min(MAX_PARAMS, params.size() - p);
            int nt = Math.min(MAX_TAGS, tags.size() - t);
            int nm = Math.min(Math.min(MAX_METRICS, MAX_ENTITIES - np - nt), metrics.size() - m);
            out.add(new Batch(metrics.subList(m, m + nm), params.subList(p, p + np), tags.subList(t, t + nt)));
            m += nm;
            p += np;
            t += nt;
        }
        return out;
    }

    /** Sends everything to {@code runId}, one {@code log-batch} call per batch. */
    static void send(MlflowClient client, String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        for (Batch b : split(metrics, params, tags)) {
            client.logBatch(runId, b.metrics(), b.params(), b.tags());
        }
    }
}
