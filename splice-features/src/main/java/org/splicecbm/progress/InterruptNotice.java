package org.splicecbm.progress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the user reads when Ctrl-C or SIGTERM stops long work: a JVM shutdown hook prints
 * {@code interrupted: <state>} for every piece of work still registered, where the state says how far it got and
 * what was kept (e.g. {@code features of split train after 1,024 of 5,000 images; kept: ...}). Work that ends
 * normally closes its registration, so nothing is printed for it. The process then exits non-zero (130 after
 * Ctrl-C, 143 after SIGTERM), as the JVM does for any signal.
 */
public final class InterruptNotice {
    private static final Map<Registration, Boolean> ACTIVE = new ConcurrentHashMap<>();
    private static volatile boolean hookInstalled;

    private InterruptNotice() {}

    /** Covers running work until closed; {@code state} is asked only when the JVM is stopped meanwhile. */
    public static final class Registration implements AutoCloseable {
        private final Supplier<String> state;

        private Registration(Supplier<String> state) {
            this.state = state;
        }

        @Override
        public void close() {
            ACTIVE.remove(this);
        }

        private void interrupted() {
            String text;
            try {
                text = state.get();
            } catch (RuntimeException e) {
                text = "(state unknown: " + e + ")";
            }
            System.err.println("interrupted: " + text);
            System.err.flush();
        }
    }

    /** Registers running work described by {@code state} (called from the shutdown hook: keep it cheap and lock-free). */
    public static Registration whileRunning(Supplier<String> state) {
        installHook();
        Registration registration = new Registration(state);
        ACTIVE.put(registration, Boolean.TRUE);
        return registration;
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ACTIVE.keySet().forEach(Registration::interrupted),
                    "splice-interrupt-notice"));
            hookInstalled = true;
        }
    }
}
