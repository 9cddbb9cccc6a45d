/**
 * SpLiCE's concept side (Bhalla et al., NeurIPS 2024, Sec. 3): vocabularies ({@link org.splicecbm.concepts.Vocabulary},
 * {@link org.splicecbm.concepts.VocabularySource}), SpLiCE's published files ({@link org.splicecbm.concepts.SpliceData}),
 * the centred concept dictionary ({@link org.splicecbm.concepts.ConceptDictionary}, its formula in
 * {@link org.splicecbm.concepts.DictionaryMath}, its cache) and image means ({@link org.splicecbm.concepts.ImageMeans}).
 * {@link org.splicecbm.concepts.ConceptsConfig} is the library's description of a vocabulary choice (bound to the
 * {@code concepts:} section). Follows {@code backbone}; {@code decompose} comes next.
 */
package org.splicecbm.concepts;
