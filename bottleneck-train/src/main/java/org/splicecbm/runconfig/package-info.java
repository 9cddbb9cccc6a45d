/**
 * The run-side config: {@link org.splicecbm.runconfig.RunConfig}, the whole YAML file (its feature side is
 * {@code config.FeatureConfig}, plus the {@code probe}, {@code tracking} and {@code sweep} sections),
 * {@link org.splicecbm.runconfig.SweepConfig} and {@link org.splicecbm.runconfig.TrackingConfig}. Follows {@code probe}
 * (whose {@code ProbeConfig} it binds); {@code sweep} (trials are run configs), {@code tracking} (run provenance) and
 * {@code workflow} read it.
 */
package org.splicecbm.runconfig;
