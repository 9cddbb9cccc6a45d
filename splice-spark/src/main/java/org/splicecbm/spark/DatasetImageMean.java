package org.splicecbm.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.image.ImageDecoder;
import org.splicecbm.image.ImagePreprocessor;
import scala.Tuple2;

/**
 * {@code concepts.image_mean: dataset} on Spark: the mean of the L2-normalised CLIP embeddings of the training
 * images (SpLiCE's image-side centring, Bhalla et al., NeurIPS 2024, Sec. 4.1), computed by a first pass over the
 * training shards exactly as the single-machine {@code ImageMeans.fromEmbeddings} does: same batches (shards start
 * at multiples of the batch size), each embedding normalised and summed in double in row order within a shard; the
 * driver adds the shard sums in shard order and divides. Only the association of the double sums across shards
 * differs from one machine, so the float32 mean agrees to within one ulp (bit for bit in the tests). The pass
 * embeds the training images once more than the feature pass does.
 */
public final class DatasetImageMean {
    private DatasetImageMean() {}

    /** The mean of {@code training}'s embeddings, labelled {@code dataset:<datasetName>,<count>} like one machine's. */
    public static ImageMean compute(Manifest training, SpliceSettings settings, String datasetName) {
        int shardRows = settings.shardRows();
        JavaRDD<ManifestEntry> entries = training.entries();
        List<Integer> shards = IntStream.range(0, Math.toIntExact((entries.count() + shardRows - 1) / shardRows)).boxed().toList();
        List<Tuple2<Integer, double[]>> sums = entries.keyBy(e -> e.shard(shardRows))
                .partitionBy(new ShardPartitioner(shards))
                .mapPartitions((Iterator<Tuple2<Integer, ManifestEntry>> part) -> shardSum(part, settings))
                .collect();
        double[] total = null;
        long count = 0;
        for (Tuple2<Integer, double[]> s : sums.stream().sorted(Comparator.comparing(Tuple2::_1)).toList()) {
            double[] sum = s._2();
            total = total == null ? new double[sum.length - 1] : total;
            for (int j = 0; j < total.length; j++) {
                total[j] += sum[j];
            }
            count += (long) sum[total.length];
        }
        if (count == 0) {
            throw new IllegalArgumentException("concepts.image_mean: dataset needs training images, but the training split of "
                    + datasetName + " has none that could be read");
        }
        float[] mean = new float[total.length];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = (float) (total[j] / count);
        }
        return new ImageMean(mean, "dataset:" + datasetName + "," + count);
    }

    /** One shard's sum of normalised embeddings, with the image count appended as the last value. */
    private static Iterator<Tuple2<Integer, double[]>> shardSum(Iterator<Tuple2<Integer, ManifestEntry>> part,
                                                                SpliceSettings settings) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        part.forEachRemaining(t -> entries.add(t._2()));
        if (entries.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        entries.sort(Comparator.comparingLong(ManifestEntry::row));
        ClipBackbone backbone = ExecutorSplice.backbone(settings);
        ImagePreprocessor preprocessor = new ImagePreprocessor(backbone.preprocessing());
        Configuration hadoop = new Configuration();
        double[] sum = new double[backbone.embeddingDim() + 1];
        for (int from = 0; from < entries.size(); from += settings.batchSize()) {
            List<float[]> pixels = new ArrayList<>();
            for (ManifestEntry e : entries.subList(from, Math.min(entries.size(), from + settings.batchSize()))) {
                try {
                    pixels.add(preprocessor.apply(ImageDecoder.decode(ShardFeaturizer.readAll(e.path(), hadoop), e.path())));
                } catch (IOException ex) {
                    if (!settings.skipBadImages()) {
                        throw new BadImageException(e, ex);
                    }
                }
            }
            float[][] embeddings;
            synchronized (backbone) {
                embeddings = pixels.isEmpty() ? new float[0][] : backbone.embedImages(pixels.toArray(float[][]::new));
            }
            for (float[] z : embeddings) {
                addNormalised(sum, z);
            }
        }
        return List.of(new Tuple2<>(entries.get(0).shard(settings.shardRows()), sum)).iterator();
    }

    /** {@code ImageMeanAccumulator.add}'s arithmetic: norm in double, then each value divided by it, summed in double. */
    private static void addNormalised(double[] sum, float[] z) {
        double sq = 0;
        for (float x : z) {
            if (!Float.isFinite(x)) {
                throw new IllegalStateException("an image embedding holds a non-finite value");
            }
            sq += (double) x * x;
        }
        double norm = Math.max(Math.sqrt(sq), 1e-12);
        for (int j = 0; j < z.length; j++) {
            sum[j] += z[j] / norm;
        }
        sum[z.length] += 1;
    }
}
