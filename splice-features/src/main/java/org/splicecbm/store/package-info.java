/**
 * The on-disk formats the stages exchange: NumPy {@code .npy} ({@link org.splicecbm.store.Npy}), SciPy CSR
 * {@code .npz} ({@link org.splicecbm.store.CsrNpz}), the feature set folder ({@link org.splicecbm.store.FeatureSet},
 * its {@code meta.json} as {@link org.splicecbm.store.FeatureSetMeta}), the resumable
 * {@link org.splicecbm.store.EmbeddingCache}, and atomic writes ({@link org.splicecbm.store.AtomicFiles},
 * {@link org.splicecbm.store.AtomicDirectory}). A support package below every stage; it imports only
 * {@code validation}.
 */
package org.splicecbm.store;
