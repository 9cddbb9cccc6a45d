package org.splicecbm.engine;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts DJL's PyTorch engine on a CUDA build through DJL's own mechanism. DJL prefers a native jar on the
 * classpath whenever its build runs on the machine, and the bundled CPU build runs everywhere, so while the
 * engine starts its {@code native/lib/pytorch.properties} is hidden: DJL then takes its download path, which
 * uses a cached CUDA build or fetches the one matching the driver ({@code PYTORCH_FLAVOR} overrides it).
 */
final class CudaNatives {
    private static final String BUNDLED = "native/lib/pytorch.properties";

    private CudaNatives() {}

    /** The flavor ({@code cu128}, ...) of a CUDA build of the engine's PyTorch version in DJL's cache, if any. */
    static Optional<String> cachedFlavor() {
        Path cache = Utils.getEngineCacheDir("pytorch");
        String prefix = pytorchVersion() + "-cu";
        if (!Files.isDirectory(cache)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(cache)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
                    .filter(d -> Files.isRegularFile(d.resolve(System.mapLibraryName("torch"))))
                    .map(d -> d.getFileName().toString().substring(prefix.length() - 2).split("-")[0])
                    .sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void startEngine(NativeLibraryPlan plan, String engine) {
        if (Utils.getEnvOrSystemProperty("PYTORCH_FLAVOR") == null) {
            cachedFlavor().ifPresent(flavor -> System.setProperty("PYTORCH_FLAVOR", flavor));
        }
        if (plan == NativeLibraryPlan.FETCH_CUDA) {
            System.err.println("note: a GPU is present; DJL downloads PyTorch " + pytorchVersion() + "'s CUDA build (about 2 GB,"
                    + " once) into " + Utils.getEngineCacheDir("pytorch") + "; set PYTORCH_FLAVOR (e.g. cu128) to choose it");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new HidingClassLoader(previous == null ? CudaNatives.class.getClassLoader() : previous));
        try {
            Engine.getEngine(engine);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String pytorchVersion() {
        return ai.djl.util.Platform.fromSystem("pytorch").getVersion();
    }

    /** Delegates everything but the bundled CPU build's platform file. */
    private static final class HidingClassLoader extends ClassLoader {
        HidingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return BUNDLED.equals(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }

        @Override
        public URL getResource(String name) {
            return BUNDLED.equals(name) ? null : super.getResource(name);
        }
    }
}
