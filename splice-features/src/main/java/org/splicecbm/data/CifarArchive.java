package org.splicecbm.data;

import java.util.List;

/**
 * The layout of an official CIFAR binary archive (Krizhevsky, 2009,
 * https://www.cs.toronto.edu/~kriz/cifar.html): records of {@code labelBytes} label bytes then
 * 3072 pixel bytes (the red, green and blue 32x32 planes, rows top to bottom).
 *
 * @param name        dataset name for metadata
 * @param archiveName file name of the {@code .tar.gz} on the server
 * @param md5         published MD5 of the archive
 * @param directory   the folder the archive extracts to
 * @param trainFiles  batch files of the training split, in order
 * @param testFiles   batch files of the test split
 * @param labelBytes  label bytes per record (CIFAR-10: 1; CIFAR-100: 2, coarse then fine)
 */
record CifarArchive(String name, String archiveName, String md5, String directory,
                    List<String> trainFiles, List<String> testFiles, int labelBytes) {
    static final int PIXEL_BYTES = 3 * 32 * 32;

    static final CifarArchive CIFAR10 = new CifarArchive("cifar10", "cifar-10-binary.tar.gz",
            "c32a1d4ab5d03f1284b67883e8d87530", "cifar-10-batches-bin",
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
            List.of("test_batch.bin"), 1);

    static final CifarArchive CIFAR100 = new CifarArchive("cifar100", "cifar-100-binary.tar.gz",
            "03b5dce01913d631647c71ecec9e9cb8", "cifar-100-binary", List.of("train.bin"), List.of("test.bin"), 2);

    int recordBytes() {
        return labelBytes + PIXEL_BYTES;
    }

    /** The same layout with another expected checksum (tests serve small fake archives). */
    CifarArchive withMd5(String otherMd5) {
        return new CifarArchive(name, archiveName, otherMd5, directory, trainFiles, testFiles, labelBytes);
    }
}
