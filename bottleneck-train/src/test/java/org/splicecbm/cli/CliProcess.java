package org.splicecbm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code splice} in a child JVM with its own environment (HF_ENDPOINT, HF_HOME, SPLICE_* ...), as a
 * user's shell would: environment variables cannot be changed inside the test JVM.
 */
final class CliProcess {
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + "\n" + stderr;
        }
    }

    private final Map<String, String> env;
    private final Path workDir;
    private final List<String> jvmOptions;

    CliProcess(Path workDir, Map<String, String> env) {
        this(workDir, env, List.of());
    }

    private CliProcess(Path workDir, Map<String, String> env, List<String> jvmOptions) {
        this.workDir = workDir;
        this.env = env;
        this.jvmOptions = jvmOptions;
    }

    /** The same command with extra JVM options (e.g. {@code -Duser.home=DIR}: a fresh user's home folder). */
    CliProcess withJvmOptions(String... options) {
        return new CliProcess(workDir, env, List.of(options));
    }

    Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process p = start(out, err, args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("splice " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Starts {@code splice args} without waiting (e.g. to signal it), output going to {@code out} and {@code err}. */
    Process start(Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true", "-Dai.djl.offline=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpliceCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("HF_HUB_OFFLINE");
        pb.environment().remove("SPLICE_OFFLINE");
        pb.environment().putAll(env);
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("SPLICE_NO_PROGRESS", "1");
        return pb.start();
    }
}
