package org.splicecbm.probe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * The {@code probe:} section of a run config: how the linear concept-bottleneck classifier over
 * SpLiCE concept weights is trained (Bhalla et al., NeurIPS 2024, section 5: a sparse linear probe
 * on the concept decomposition). Penalties are per-example means, so {@code l1} corresponds to
 * scikit-learn's {@code 1 / (C * n)}. Keys are snake_case in YAML; absent keys take the defaults
 * below, and every value is validated here, so an invalid config cannot be constructed.
 *
 * @param l1 L1 penalty on the weights (proximal soft-threshold, so weights become exactly zero)
 * @param l2 L2 penalty ({@code l2/2 * ||W||^2}) on the weights; with {@code l1} this is the elastic net
 * @param epochs maximum passes over the training split
 * @param batchSize examples per minibatch
 * @param learningRate step size of the updater
 * @param updater {@code adam} or {@code sgd}
 * @param bias whether the classifier has a per-class bias (never penalised)
 * @param classWeights {@code none} or {@code balanced} (weight n / (classes * n_class), as scikit-learn)
 * @param earlyStoppingPatience epochs without validation-loss improvement before stopping (the best-validation
 *                              weights are kept); 0 disables early stopping and keeps the last epoch's weights
 * @param seed seed of initialisation and shuffling
 * @param suppressConcepts concept texts whose feature columns are zeroed (a concept intervention)
 * @param suppressAt when the suppression applies: {@code train}, {@code test} or {@code both}
 * @param engine minibatch solver only: {@code sparse} (hand-written CSR update) or {@code dl4j} (DL4J network fit on dense minibatches)
 * @param solver {@code exact} (default: coordinate descent to a certified optimum, scikit-learn's objective) or
 *               {@code minibatch} (the epoch-based Adam/SGD trainer above)
 * @param tolerance exact solver: the largest allowed KKT violation (per-example mean gradient units)
 * @param kernel exact solver: what computes its full gradient, {@code java} (default) or {@code nd4j} (ND4J ops,
 *               also on ND4J's CUDA backend)
 * @param path the regularisation path ({@code probe.path:})
 */
public record ProbeConfig(double l1, double l2, int epochs, int batchSize, double learningRate,
                          Updater updater, boolean bias, ClassWeights classWeights, int earlyStoppingPatience,
                          long seed, List<String> suppressConcepts, SuppressAt suppressAt, Engine engine,
                          Solver solver, double tolerance, Kernel kernel, PathConfig path) {

    /** Optimiser of the probe. */
    public enum Updater { ADAM, SGD;
        @JsonCreator public static Updater parse(String s) { return parseEnum(Updater.class, "probe.updater", s); }
        @JsonValue public String yaml() { return name().toLowerCase(Locale.ROOT); } }

    /** Per-class loss weighting. */
    public enum ClassWeights { NONE, BALANCED;
        @JsonCreator public static ClassWeights parse(String s) { return parseEnum(ClassWeights.class, "probe.class_weights", s); }
        @JsonValue public String yaml() { return name().toLowerCase(Locale.ROOT); } }

    /** When concept suppression applies. */
    public enum SuppressAt { TRAIN, TEST, BOTH;
        @JsonCreator public static SuppressAt parse(String s) { return parseEnum(SuppressAt.class, "probe.suppress_at", s); }
        @JsonValue public String yaml() { return name().toLowerCase(Locale.ROOT); }
        public boolean atTrain() { return this != TEST; }
        public boolean atTest() { return this != TRAIN; } }

    /** Which implementation runs the training loop. */
    public enum Engine { SPARSE, DL4J;
        @JsonCreator public static Engine parse(String s) { return parseEnum(Engine.class, "probe.engine", s); }
        @JsonValue public String yaml() { return name().toLowerCase(Locale.ROOT); } }

    /** How the probe's optimum is found. */
    public enum Solver { EXACT, MINIBATCH;
        @JsonCreator public static Solver parse(String s) { return parseEnum(Solver.class, "probe.solver", s); }
        @JsonValue public String yaml() { return name().toLowerCase(Locale.ROOT); } }

    /** What computes the exact solver's full gradient. */
    public enum Kernel { ND4J, JAVA;
        @JsonCreator public static Kernel parse(String s) { return parseEnum(Kernel.class, "probe.kernel", s); }
        @JsonValue public String yaml() { return name().toLowerCase(Locale.ROOT); } }

    public ProbeConfig {
        InvalidArgumentException.require(Double.isFinite(l1) && l1 >= 0, "probe.l1", "be a finite number >= 0", l1);
        InvalidArgumentException.require(Double.isFinite(l2) && l2 >= 0, "probe.l2", "be a finite number >= 0", l2);
        InvalidArgumentException.require(epochs >= 1, "probe.epochs", "be >= 1", epochs);
        InvalidArgumentException.require(batchSize >= 1, "probe.batch_size", "be >= 1", batchSize);
        InvalidArgumentException.require(Double.isFinite(learningRate) && learningRate > 0, "probe.learning_rate",
                "be a finite number > 0", learningRate);
        InvalidArgumentException.require(earlyStoppingPatience >= 0, "probe.early_stopping_patience",
                "be >= 0 (0 disables early stopping)", earlyStoppingPatience);
        InvalidArgumentException.require(updater != null, "probe.updater", "be adam or sgd", null);
        InvalidArgumentException.require(classWeights != null, "probe.class_weights", "be none or balanced", null);
        InvalidArgumentException.require(suppressAt != null, "probe.suppress_at", "be train, test or both", null);
        InvalidArgumentException.require(engine != null, "probe.engine", "be sparse or dl4j", null);
        InvalidArgumentException.require(solver != null, "probe.solver", "be exact or minibatch", null);
        InvalidArgumentException.require(kernel != null, "probe.kernel", "be nd4j or java", null);
        InvalidArgumentException.require(Double.isFinite(tolerance) && tolerance > 0 && tolerance < 1, "probe.tolerance",
                "be in (0, 1): the largest KKT violation the exact solver accepts", tolerance);
        path = path == null ? PathConfig.defaults() : path;
        suppressConcepts = suppressConcepts == null ? List.of() : List.copyOf(suppressConcepts);
        for (String concept : suppressConcepts) {
            InvalidArgumentException.require(concept != null && !concept.isBlank(), "probe.suppress_concepts",
                    "list non-empty concept texts", suppressConcepts);
        }
    }

    /** Reads the YAML section; absent keys take the documented defaults. */
    @JsonCreator
    public static ProbeConfig fromYaml(@JsonProperty("l1") Double l1, @JsonProperty("l2") Double l2,
                                       @JsonProperty("epochs") Integer epochs, @JsonProperty("batch_size") Integer batchSize,
                                       @JsonProperty("learning_rate") Double learningRate, @JsonProperty("updater") Updater updater,
                                       @JsonProperty("bias") Boolean bias, @JsonProperty("class_weights") ClassWeights classWeights,
                                       @JsonProperty("early_stopping_patience") Integer patience, @JsonProperty("seed") Long seed,
                                       @JsonProperty("suppress_concepts") List<String> suppressConcepts,
                                       @JsonProperty("suppress_at") SuppressAt suppressAt, @JsonProperty("engine") Engine engine,
                                       @JsonProperty("solver") Solver solver, @JsonProperty("tolerance") Double tolerance,
                                       @JsonProperty("kernel") Kernel kernel, @JsonProperty("path") PathConfig path) {
        ProbeConfig d = defaults();
        return new ProbeConfig(or(l1, d.l1), or(l2, d.l2), or(epochs, d.epochs), or(batchSize, d.batchSize),
                or(learningRate, d.learningRate), or(updater, d.updater), or(bias, d.bias), or(classWeights, d.classWeights),
                or(patience, d.earlyStoppingPatience), or(seed, d.seed), or(suppressConcepts, d.suppressConcepts),
                or(suppressAt, d.suppressAt), or(engine, d.engine), or(solver, d.solver), or(tolerance, d.tolerance),
                or(kernel, d.kernel), or(path, d.path));
    }

    /**
     * l1 1e-4, l2 0, bias, no class weights, seed 0; the exact solver to KKT violation 1e-7 with the Java
     * gradient kernel (measured ~50x faster than ND4J's on CPU, benchmarks/probe.md); for the minibatch solver 50 epochs, batches of 256, Adam at 1e-3, patience 5.
     */
    public static ProbeConfig defaults() {
        return new ProbeConfig(1e-4, 0, 50, 256, 1e-3, Updater.ADAM, true, ClassWeights.NONE, 5, 0,
                List.of(), SuppressAt.BOTH, Engine.SPARSE, Solver.EXACT, 1e-7, Kernel.JAVA, PathConfig.defaults());
    }

    public ProbeConfig withL1(double value) {
        return toBuilder().l1(value).build();
    }

    public ProbeConfig withSeed(long value) {
        return toBuilder().seed(value).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some values of a config; {@link #build} validates. */
    public static final class Builder {
        private double l1, l2, learningRate;
        private int epochs, batchSize, patience;
        private Updater updater;
        private boolean bias;
        private ClassWeights classWeights;
        private long seed;
        private List<String> suppressConcepts;
        private SuppressAt suppressAt;
        private Engine engine;
        private Solver solver;
        private double tolerance;
        private Kernel kernel;
        private PathConfig path;

        private Builder(ProbeConfig c) {
            l1 = c.l1; l2 = c.l2; epochs = c.epochs; batchSize = c.batchSize; learningRate = c.learningRate;
            updater = c.updater; bias = c.bias; classWeights = c.classWeights; patience = c.earlyStoppingPatience;
            seed = c.seed; suppressConcepts = c.suppressConcepts; suppressAt = c.suppressAt; engine = c.engine;
            solver = c.solver; tolerance = c.tolerance; kernel = c.kernel; path = c.path;
        }

        public Builder l1(double v) { l1 = v; return this; }
        public Builder l2(double v) { l2 = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder updater(Updater v) { updater = v; return this; }
        public Builder bias(boolean v) { bias = v; return this; }
        public Builder classWeights(ClassWeights v) { classWeights = v; return this; }
        public Builder earlyStoppingPatience(int v) { patience = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder suppress(List<String> concepts, SuppressAt at) { suppressConcepts = concepts; suppressAt = at; return this; }
        public Builder engine(Engine v) { engine = v; return this; }
        public Builder solver(Solver v) { solver = v; return this; }
        public Builder tolerance(double v) { tolerance = v; return this; }
        public Builder kernel(Kernel v) { kernel = v; return this; }
        public Builder path(PathConfig v) { path = v; return this; }

        public ProbeConfig build() {
            return new ProbeConfig(l1, l2, epochs, batchSize, learningRate, updater, bias, classWeights, patience, seed,
                    suppressConcepts, suppressAt, engine, solver, tolerance, kernel, path);
        }
    }

    @JsonProperty("batch_size") @Override public int batchSize() { return batchSize; }
    @JsonProperty("learning_rate") @Override public double learningRate() { return learningRate; }
    @JsonProperty("class_weights") @Override public ClassWeights classWeights() { return classWeights; }
    @JsonProperty("early_stopping_patience") @Override public int earlyStoppingPatience() { return earlyStoppingPatience; }
    @JsonProperty("suppress_concepts") @Override public List<String> suppressConcepts() { return suppressConcepts; }
    @JsonProperty("suppress_at") @Override public SuppressAt suppressAt() { return suppressAt; }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw InvalidArgumentException.invalid(key, "be one of " + allowed, text);
    }
}
