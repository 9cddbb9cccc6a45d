package org.splicecbm.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same solve gives the same weight bits with vector kernels (512-bit lanes, and 256-bit ones as on a CPU
 * without AVX-512), forced scalar kernels and no vector module.
 */
class KernelChoiceTest {
    private static final String MODULE = "--add-modules=jdk.incubator.vector";

    @Test
    void vectorScalarAndModulelessJvmsSolveBitForBitTheSame() throws Exception {
        List<String> vector = run(List.of(MODULE));
        List<String> forced = run(List.of(MODULE, "-D" + KernelChoice.PROPERTY + "=scalar"));
        List<String> without = run(List.of());
        List<String> narrow = run(List.of(MODULE, "-XX:MaxVectorSize=32")); // what an AVX2-only CPU offers
        assertTrue(vector.get(0).startsWith("kernels=VectorKernels/"), "with the module the vector kernels must be"
                + " used: " + vector);
        assertEquals("kernels=VectorKernels/256", narrow.get(0), "with 32-byte vectors the 256-bit branch must run: "
                + narrow);
        assertEquals("kernels=ScalarKernels", forced.get(0), "-Dsplice.solver.kernels=scalar must force scalar: " + forced);
        assertEquals("kernels=ScalarKernels", without.get(0), "without the module scalar kernels must be used: " + without);
        assertTrue(vector.get(1).startsWith("nnz=") && !vector.get(1).equals("nnz=0"), "the solve must find weights: " + vector);
        assertEquals(vector.subList(1, 3), forced.subList(1, 3), "forced-scalar weights must have the vector run's bits");
        assertEquals(vector.subList(1, 3), without.subList(1, 3), "module-less weights must have the vector run's bits");
        assertEquals(vector.subList(1, 3), narrow.subList(1, 3), "256-bit vector weights must have the 512-bit run's bits");
    }

    /** Runs {@link KernelChoiceProbe} in a child JVM; returns its last three output lines. */
    private static List<String> run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(jvmOptions);
        command.addAll(List.of("-Xmx1g", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                KernelChoiceProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM must finish");
        assertEquals(0, process.exitValue(), "child JVM must succeed: " + output);
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("kernels=") || line.startsWith("nnz=") || line.startsWith("hash=")) {
                lines.add(line);
            }
        }
        assertEquals(3, lines.size(), "child output must hold kernels, nnz and hash lines: " + output);
        return lines;
    }
}
