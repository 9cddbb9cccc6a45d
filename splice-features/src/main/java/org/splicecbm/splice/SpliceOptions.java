package org.splicecbm.splice;

import java.nio.file.Path;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.concepts.ConceptDictionaries;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.engine.DeviceChoice;

/**
 * How {@link Splice#load} builds a SpLiCE model, in DJL's {@code optX} builder style: the keyword arguments of
 * SpLiCE's {@code splice.load(..., l1_penalty, device, download_root)} (Bhalla et al., NeurIPS 2024) plus the image
 * mean and the solver's tolerance. Immutable: every {@code optX} returns a new options object, so one base can be
 * shared ({@code base.optL1(0.15)} leaves {@code base} as it was).
 */
public final class SpliceOptions {
    /** The CLI's default penalty, as in SpLiCE's README examples. */
    public static final double DEFAULT_L1 = 0.25;

    private final double l1;
    private final DeviceChoice device;
    private final int threads;
    private final int batchSize;
    private final Path downloadRoot;
    private final ImageMean imageMean;
    private final double tolerance;
    private final Path dictionaryCache;

    private SpliceOptions(double l1, DeviceChoice device, int threads, int batchSize, Path downloadRoot,
                          ImageMean imageMean, double tolerance, Path dictionaryCache) {
        this.l1 = l1;
        this.device = device;
        this.threads = threads;
        this.batchSize = batchSize;
        this.downloadRoot = downloadRoot;
        this.imageMean = imageMean;
        this.tolerance = tolerance;
        this.dictionaryCache = dictionaryCache;
    }

    /** l1 0.25, device auto, engine-default threads, batches of 64, SpLiCE's published mean, gap tolerance 1e-7. */
    static SpliceOptions defaults() {
        BackboneOptions backbone = BackboneOptions.defaults();
        return new SpliceOptions(DEFAULT_L1, backbone.device(), backbone.threads(), backbone.batchSize(), null, null,
                SolverOptions.defaults().relativeGapTolerance(), null);
    }

    /** SpLiCE's {@code l1_penalty}: finite and &gt; 0. */
    public SpliceOptions optL1(double penalty) {
        if (!(penalty > 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("optL1: the l1 penalty must be a finite number > 0, found " + penalty);
        }
        return new SpliceOptions(penalty, device, threads, batchSize, downloadRoot, imageMean, tolerance, dictionaryCache);
    }

    /** SpLiCE's {@code device}: cpu, gpu or auto. */
    public SpliceOptions optDevice(DeviceChoice choice) {
        if (choice == null) {
            throw new IllegalArgumentException("optDevice: the device must be CPU, GPU or AUTO, found null");
        }
        return new SpliceOptions(l1, choice, threads, batchSize, downloadRoot, imageMean, tolerance, dictionaryCache);
    }

    /** PyTorch intra-op threads (0: the engine's default). */
    public SpliceOptions optThreads(int count) {
        return new SpliceOptions(l1, device, count, batchSize, downloadRoot, imageMean, tolerance, dictionaryCache);
    }

    /** Images or texts per forward pass of the backbone. */
    public SpliceOptions optBatchSize(int size) {
        return new SpliceOptions(l1, device, threads, size, downloadRoot, imageMean, tolerance, dictionaryCache);
    }

    /**
     * SpLiCE's {@code download_root}: the folder holding {@code vocab/<name>.txt} and {@code means/<file>.pt}; files
     * found there are used as they are, missing ones are downloaded into it (default: the splice-cbm cache).
     */
    public SpliceOptions optDownloadRoot(Path root) {
        return new SpliceOptions(l1, device, threads, batchSize, root, imageMean, tolerance, dictionaryCache);
    }

    /**
     * The image mean to centre with, instead of SpLiCE's published mean for the backbone (needed for a backbone
     * SpLiCE published none for; see {@link Splice#imageMean}).
     */
    public SpliceOptions optImageMean(ImageMean mean) {
        return new SpliceOptions(l1, device, threads, batchSize, downloadRoot, mean, tolerance, dictionaryCache);
    }

    /** The solver's relative duality-gap tolerance, in (0, 1); default 1e-7. */
    public SpliceOptions optTolerance(double relativeGap) {
        if (!(relativeGap > 0 && relativeGap < 1)) {
            throw new IllegalArgumentException("optTolerance: the relative duality-gap tolerance must be in (0, 1), found "
                    + relativeGap + " (the default is 1e-7)");
        }
        return new SpliceOptions(l1, device, threads, batchSize, downloadRoot, imageMean, relativeGap, dictionaryCache);
    }

    /** Where encoded concept dictionaries are cached (default {@code <cache root>/dictionaries}). */
    public SpliceOptions optDictionaryCache(Path folder) {
        return new SpliceOptions(l1, device, threads, batchSize, downloadRoot, imageMean, tolerance, folder);
    }

    public double l1() {
        return l1;
    }

    public double tolerance() {
        return tolerance;
    }

    /** The image mean given with {@link #optImageMean}, or null for SpLiCE's published one. */
    public ImageMean imageMean() {
        return imageMean;
    }

    /** The download root, or null for the environment's ({@code SPLICE_DATA_DIR}, the cache). */
    public Path downloadRoot() {
        return downloadRoot;
    }

    /** How to run the backbone. */
    public BackboneOptions backbone() {
        return new BackboneOptions(device, threads, batchSize);
    }

    Path dictionaryCacheOrDefault() {
        return dictionaryCache != null ? dictionaryCache : ConceptDictionaries.defaultCacheDir();
    }
}
