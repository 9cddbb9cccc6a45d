/**
 * The command line ({@code ./splice}): picocli commands that parse arguments and call the library
 * ({@code workflow}, {@code pipeline}, {@code backbone}, {@code decompose}); {@link org.splicecbm.cli.SpliceCli} is the
 * entry point. The top of the flow: nothing imports it.
 */
package org.splicecbm.cli;
