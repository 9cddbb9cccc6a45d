/**
 * The library's argument errors: {@link org.splicecbm.validation.InvalidArgumentException} names the argument,
 * the rule and the value found. The lowest package: every library package may throw it; only the config layer
 * ({@code org.splicecbm.config}) turns it into a {@code file:line: key} message.
 */
package org.splicecbm.validation;
