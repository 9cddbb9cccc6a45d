package org.splicecbm.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.image.ImageDecoder;
import org.splicecbm.store.CsrMatrix;
import scala.Tuple2;

/**
 * One Spark task: the manifest rows of one shard (a partition holds exactly one shard) in manifest order, decoded
 * and preprocessed on a thread pool one batch ahead while the executor's backbone embeds the current batch
 * (as the single-machine stage overlaps them), then decomposed by SpLiCE's exact solver. Batches start at the
 * shard's first row, and shards start at multiples of the batch size, so images are batched as on one machine.
 */
final class ShardFeaturizer implements FlatMapFunction<Iterator<Tuple2<Integer, ManifestEntry>>, Row> {
    private final Broadcast<SpliceBundle> bundle;

    ShardFeaturizer(Broadcast<SpliceBundle> bundle) {
        this.bundle = bundle;
    }

    @Override
    public Iterator<Row> call(Iterator<Tuple2<Integer, ManifestEntry>> partition) throws Exception {
        List<ManifestEntry> entries = new ArrayList<>();
        partition.forEachRemaining(t -> entries.add(t._2()));
        entries.sort(Comparator.comparingLong(ManifestEntry::row));
        if (entries.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        SpliceBundle b = bundle.value();
        ExecutorSplice model = ExecutorSplice.of(b);
        int batch = b.settings().batchSize();
        List<Row> out = new ArrayList<>(entries.size());
        // as many decoding threads as the JVM has cores: a GPU executor runs one task but must decode fast enough to feed it
        ExecutorService decoder = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "splice-spark-decode");
            t.setDaemon(true);
            return t;
        });
        Configuration hadoop = new Configuration(); // one per task: building one parses Hadoop's XML defaults
        try {
            CompletableFuture<Object[]> next = decodeAsync(decoder, model, entries.subList(0, Math.min(batch, entries.size())), hadoop);
            for (int from = 0; from < entries.size(); from += batch) {
                List<ManifestEntry> current = entries.subList(from, Math.min(entries.size(), from + batch));
                Object[] decoded = await(next);
                int nextFrom = from + batch;
                if (nextFrom < entries.size()) {
                    next = decodeAsync(decoder, model, entries.subList(nextFrom, Math.min(entries.size(), nextFrom + batch)), hadoop);
                }
                featurize(model, b.settings(), current, decoded, out);
            }
        } finally {
            decoder.shutdownNow();
        }
        return out.iterator();
    }

    /** Decodes a batch, one image per pool thread, keeping manifest order. */
    private CompletableFuture<Object[]> decodeAsync(ExecutorService pool, ExecutorSplice model, List<ManifestEntry> entries,
                                                    Configuration hadoop) {
        boolean skip = bundle.value().settings().skipBadImages();
        List<CompletableFuture<Object>> parts = new ArrayList<>(entries.size());
        for (ManifestEntry e : entries) {
            parts.add(CompletableFuture.supplyAsync(() -> decode(model, e, skip, hadoop), pool));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).toArray());
    }

    /** Pixels (float[]) or, under skip, the reason (String). */
    private static Object decode(ExecutorSplice model, ManifestEntry e, boolean skip, Configuration hadoop) {
        try {
            return model.preprocessor.apply(ImageDecoder.decode(readAll(e.path(), hadoop), e.path()));
        } catch (IOException ex) {
            if (skip) {
                return String.valueOf(ex.getMessage());
            }
            throw new BadImageException(e, ex);
        }
    }

    static byte[] readAll(String location, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = path.getFileSystem(hadoop);
        try (InputStream in = fs.open(path)) {
            return in.readAllBytes();
        }
    }

    private static void featurize(ExecutorSplice model, SpliceSettings settings, List<ManifestEntry> entries,
                                  Object[] decoded, List<Row> out) {
        List<float[]> pixels = new ArrayList<>();
        for (Object d : decoded) {
            if (d instanceof float[] p) {
                pixels.add(p);
            }
        }
        float[][] embeddings;
        Decomposition result;
        synchronized (model.backbone) { // one forward pass at a time per executor; tasks share the backbone
            embeddings = pixels.isEmpty() ? new float[0][] : model.backbone.embedImages(pixels.toArray(float[][]::new));
            result = embeddings.length == 0 ? null : model.decomposer.decompose(embeddings);
        }
        int k = 0;
        for (int i = 0; i < entries.size(); i++) {
            ManifestEntry e = entries.get(i);
            int shard = e.shard(settings.shardRows());
            if (decoded[i] instanceof String reason) {
                out.add(row(e, new int[0], new float[0], 0, Float.NaN, null, settings.keepEmbedding(), reason, shard));
            } else {
                CsrMatrix w = result.weights();
                int start = Math.toIntExact(w.indptr()[k]);
                int end = Math.toIntExact(w.indptr()[k + 1]);
                out.add(row(e, java.util.Arrays.copyOfRange(w.indices(), start, end),
                        java.util.Arrays.copyOfRange(w.data(), start, end), result.l0()[k], result.cosine()[k],
                        embeddings[k], settings.keepEmbedding(), null, shard));
                k++;
            }
        }
    }

    private static Row row(ManifestEntry e, int[] indices, float[] weights, int l0, float cosine, float[] embedding,
                           boolean keepEmbedding, String skipped, int shard) {
        List<Object> v = new ArrayList<>(List.of(e.row(), e.id(), e.path(), e.label(), e.split(), FeatureTable.arrayValue(indices),
                FeatureTable.arrayValue(weights), l0, cosine));
        if (keepEmbedding) {
            v.add(embedding == null ? null : FeatureTable.arrayValue(embedding));
        }
        v.add(skipped);
        v.add(shard);
        return RowFactory.create(v.toArray());
    }

    private static Object[] await(CompletableFuture<Object[]> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
