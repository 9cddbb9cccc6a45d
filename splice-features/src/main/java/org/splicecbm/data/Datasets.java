package org.splicecbm.data;

import java.io.IOException;
import java.nio.file.Path;
import org.splicecbm.data.DatasetConfig.Kind;

/**
 * The one factory: reads the dataset a config describes (downloading CIFAR first when asked) and
 * applies class filters, derived splits and limits. Opening lists every sample (pixels stay on
 * disk), so all layout errors surface here, each naming the file (and line) and the fix.
 */
public final class Datasets {
    private Datasets() {}

    /** Opens the dataset, downloading CIFAR archives with the hub's fetcher when {@code download} is set. */
    public static ImageDataset open(DatasetConfig config) throws IOException {
        return open(config, ArchiveFetcher.standard());
    }

    /** {@link #open(DatasetConfig)} with the given fetcher for downloads. */
    public static ImageDataset open(DatasetConfig config, ArchiveFetcher fetcher) throws IOException {
        Path root = config.root();
        DatasetContent content = switch (config.kind()) {
            case CIFAR10 -> cifar(config, CifarArchive.CIFAR10, fetcher);
            case CIFAR100 -> cifar(config, CifarArchive.CIFAR100, fetcher);
            case IMAGEFOLDER -> ImageFolderReader.read(root);
            case CSV -> ManifestReader.read(root, root.resolve(config.manifest()), config.classes(), config.minClassSamples());
            case WATERBIRDS -> WaterbirdsReader.read(root);
            case CELEBA -> CelebAReader.read(root, config.attribute(), config.groupAttribute());
        };
        // For csv the class list defines labels (applied by the reader); elsewhere it filters.
        return SplitPlanner.plan(content, config, config.kind() != Kind.CSV);
    }

    private static DatasetContent cifar(DatasetConfig config, CifarArchive layout, ArchiveFetcher fetcher)
            throws IOException {
        Path dir = CifarReader.locate(config.root(), layout);
        if (dir == null && config.download()) {
            String base = baseUrl(config);
            dir = new CifarDownloader(base, fetcher).ensure(config.root(), expectedChecksum(base, layout));
        }
        if (dir == null) {
            throw new IOException(layout.name() + " not found: expected " + config.root().resolve(layout.directory())
                    .resolve(layout.trainFiles().get(0)) + " (the extracted " + layout.archiveName()
                    + "); set dataset.download: true or extract the archive into dataset.root");
        }
        return CifarReader.read(dir, layout, config.labelLevel());
    }

    /**
     * The published MD5, or {@code CIFAR_MD5} for a mirror ({@code dataset.url} / {@code CIFAR_URL}) that serves a
     * re-packed archive: the official site's archives are always checked against the published digest.
     */
    static CifarArchive expectedChecksum(String base, CifarArchive layout) {
        String md5 = System.getenv("CIFAR_MD5");
        if (md5 == null || md5.isBlank() || base.equals(CifarDownloader.DEFAULT_BASE)) {
            return layout;
        }
        return layout.withMd5(md5.trim());
    }

    /** {@code dataset.url}, else the {@code CIFAR_URL} environment variable, else the Toronto site. */
    static String baseUrl(DatasetConfig config) {
        if (config.url() != null) {
            return config.url();
        }
        String env = System.getenv("CIFAR_URL");
        return env == null || env.isBlank() ? CifarDownloader.DEFAULT_BASE : env;
    }
}
