package org.splicecbm.probe;

import java.util.concurrent.TimeUnit;

/** Whether the Python reference tools ({@code /usr/bin/python3} with a module) can run here. */
final class PythonReference {
    private PythonReference() {}

    static boolean available(String module) {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import " + module).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
