/**
 * The deep-learning runtime settings every model shares: {@link org.splicecbm.engine.DjlRuntime} (offline mode,
 * telemetry opt-out, threads, device) and {@link org.splicecbm.engine.DeviceChoice} ({@code cpu|gpu|auto}).
 * A support package at the bottom of the flow: {@code backbone} and {@code decompose} use it; it imports no other package.
 */
package org.splicecbm.engine;
