/**
 * Progress bars on stderr ({@link org.splicecbm.progress.Progress}), silenced by {@code SPLICE_NO_PROGRESS}.
 * A support package at the bottom of the flow, used by {@code hub} (downloads), {@code concepts} (encoding the
 * vocabulary) and {@code features}; it imports no other package.
 */
package org.splicecbm.progress;
