/**
 * The config layer of the features module: YAML to validated records. {@link org.splicecbm.config.ConfigLoader}
 * (snake_case keys, unknown keys are errors) binds the section records the library owns ({@code data.DatasetConfig},
 * {@code concepts.ConceptsConfig}, {@code decompose.SpliceConfig}) into {@link org.splicecbm.config.FeatureConfig}, and
 * turns the library's {@code InvalidArgumentException} into {@link org.splicecbm.config.ConfigException}
 * ({@code file:line: key: rule}). Above every library package of the module; {@code pipeline} and the training
 * module's {@code runconfig} use it.
 */
package org.splicecbm.config;
