package org.splicecbm.cli;

import java.util.Arrays;
import java.util.List;

/**
 * The console's log levels. By default {@code simplelogger.properties} keeps the libraries (DJL, ND4J, DL4J) at
 * warnings, and DJL's GPU probe at errors; {@code --verbose} shows their INFO lines. slf4j-simple reads its levels
 * once, when the first logger is made, so they are set from the raw arguments before any library starts.
 */
final class LogLevels {
    static final String VERBOSE = "--verbose";
    private static final List<String> LIBRARIES = List.of("ai.djl", "ai.djl.util.cuda", "org.nd4j", "org.deeplearning4j");

    private LogLevels() {}

    /** Turns the libraries' INFO lines on when {@code args} hold {@code --verbose} (before a {@code --} end of options). */
    static void apply(String... args) {
        List<String> options = Arrays.asList(args);
        int end = options.indexOf("--");
        if (!(end < 0 ? options : options.subList(0, end)).contains(VERBOSE)) {
            return;
        }
        for (String library : LIBRARIES) {
            String key = "org.slf4j.simpleLogger.log." + library;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "info");
            }
        }
    }
}
