package org.splicecbm.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall and process CPU time of one measured step (the machine is shared, so wall time alone
 * misleads: CPU time divided by the cores used gives the time on dedicated cores).
 */
final class Stopwatch {
    private final long wall0 = System.nanoTime();
    private final long cpu0 = processCpuNanos();

    double wallSeconds() {
        return (System.nanoTime() - wall0) / 1e9;
    }

    double cpuSeconds() {
        return (processCpuNanos() - cpu0) / 1e9;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
