/**
 * Image-text retrieval with SpLiCE reconstructions (Bhalla et al., NeurIPS 2024, Sec. 5.1; SpLiCE's
 * {@code experiments/retrieval.py}): recall@1/5/10 in both directions over random subsets of image-caption
 * pairs, dense CLIP against reconstructions at each l1.
 */
package org.splicecbm.analysis.retrieval;
