/**
 * Image datasets: what images a run sees, with which labels, in which order, and in which split.
 *
 * <p>{@link org.splicecbm.data.Datasets#open} is the one factory. It reads the dataset a
 * {@link org.splicecbm.data.DatasetConfig} describes and lists every sample eagerly (pixels stay
 * on disk until {@link org.splicecbm.data.ImageSource#open} decodes them), so layout errors surface
 * when the dataset is opened, each naming the file (and line) and how to fix it.
 *
 * <ul>
 *   <li>{@code cifar10}, {@code cifar100}: the official binary archives (Krizhevsky, 2009); train and
 *       test; optional download with MD5 check and atomic extraction; ids {@code data_batch_1.bin#17}.</li>
 *   <li>{@code imagefolder}: {@code root/<class>/<image>} (all train) or {@code root/<split>/<class>/<image>}.</li>
 *   <li>{@code csv}: a manifest {@code path,label[,split][,group...]}.</li>
 *   <li>{@code waterbirds}: {@code metadata.csv}; groups {@code place} and {@code group} (bird/place).</li>
 *   <li>{@code celeba}: one attribute as binary label, the official partition, optional group attribute.</li>
 * </ul>
 *
 * <p>After reading, in this order: the class filter ({@code classes}, relabelled in the given
 * order), derived splits ({@code val}/{@code test} carved out of train) and per-split limits, all
 * class-stratified and seeded by {@code SeededSelection}'s SHA-256 rank, keeping
 * the dataset's order. {@link org.splicecbm.data.ImageDataset#fingerprint} keys the embedding cache.
 */
package org.splicecbm.data;
