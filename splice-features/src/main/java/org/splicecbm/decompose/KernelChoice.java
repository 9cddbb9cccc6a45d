package org.splicecbm.decompose;

/**
 * Picks the {@link SolverKernels} this JVM can run. The vector implementation refers to the
 * incubator module {@code jdk.incubator.vector}, which exists only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}; it is loaded reflectively so that without the module
 * the solver still runs (scalar, same results). {@code -Dsplice.solver.kernels=scalar} forces the scalar loops.
 */
final class KernelChoice {
    static final String PROPERTY = "splice.solver.kernels";

    private KernelChoice() {}

    static SolverKernels best() {
        if ("scalar".equals(System.getProperty(PROPERTY)) || !vectorModulePresent()) {
            return new ScalarKernels();
        }
        try {
            return (SolverKernels) Class.forName("org.splicecbm.decompose.VectorKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarKernels();
        }
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
