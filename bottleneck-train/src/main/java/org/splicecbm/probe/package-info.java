/**
 * The concept-bottleneck probe of SpLiCE (Bhalla et al., "Interpreting CLIP with Sparse Linear
 * Concept Embeddings", NeurIPS 2024): a sparse linear softmax classifier over SpLiCE concept weights.
 *
 * <ul>
 *   <li>{@link org.splicecbm.probe.TrainingData} / {@link org.splicecbm.probe.FeatureSpace}: a split as CSR
 *       features + labels (+ groups), with its concept list, class names and
 *       {@link org.splicecbm.probe.FeatureFingerprint} (from the feature set's {@code meta.json}).</li>
 *   <li>{@link org.splicecbm.probe.ProbeTrainer#train}: by default ({@code probe.solver: exact}) the certified optimum of
 *       scikit-learn's L1 / elastic-net multinomial objective by {@link org.splicecbm.probe.ExactSolver} (coordinate
 *       descent over working sets, KKT stop, {@link org.splicecbm.probe.ExactFit}); the full gradient comes from a
 *       {@link org.splicecbm.probe.GradientKernel} (Java or ND4J).</li>
 *   <li>{@link org.splicecbm.probe.RegularisationPath}: warm-started path of penalties with NEC (VLG-CBM, NeurIPS 2024)
 *       and accuracy at fixed NEC ({@link org.splicecbm.probe.PathResult}).</li>
 *   <li>{@code probe.solver: minibatch}: minibatch Adam/SGD with a proximal L1 step, optional
 *       L2, bias and balanced class weights, seeded shuffling, early stopping on the validation split; per-epoch
 *       {@link org.splicecbm.probe.EpochMetrics} go to an {@link org.splicecbm.probe.EpochListener}.</li>
 *   <li>{@link org.splicecbm.probe.TrainedProbe}: predictions, {@code save}/{@code load} (npy + json),
 *       {@link org.splicecbm.probe.ProbeNetwork#of} for the DL4J network form.</li>
 *   <li>{@link org.splicecbm.probe.Evaluation}: accuracy, balanced accuracy, per-class accuracy, macro F1,
 *       confusion matrix, worst-group accuracy, sparsity.</li>
 *   <li>{@link org.splicecbm.probe.Explanations}: top concepts per class, contributions for one example.</li>
 *   <li>{@link org.splicecbm.probe.ConceptSuppression}: concept interventions by name.</li>
 * </ul>
 */
package org.splicecbm.probe;
