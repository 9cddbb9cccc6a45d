package org.splicecbm.probe;

import java.util.Arrays;

/**
 * Solves the probe's L1 / elastic-net multinomial logistic regression ({@link SoftmaxLasso}) to a certified
 * optimum. Each round evaluates the full gradient with a {@link GradientKernel}, stops when the largest KKT
 * violation is at most the tolerance, and otherwise runs {@link CoordinateDescent} over a working set: the
 * nonzero weights plus the zero weights whose gradient exceeds the penalty (glmnet's active-set strategy).
 * Cyclic coordinate order, so the result is deterministic. Warm starts take any earlier parameters.
 */
public final class ExactSolver {
    private static final int MAX_INNER_PASSES = 1000;
    private static final double INNER_FRACTION = 0.1;

    private final double tolerance;
    private final int maxRounds;

    private ExactSolver(Builder b) {
        this.tolerance = b.tolerance;
        this.maxRounds = b.maxRounds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Solves from zero weights and the bias that is optimal for them. */
    ExactFit solve(SoftmaxLasso problem, GradientKernel kernel) {
        return solve(problem, kernel, new double[problem.concepts() * problem.classes], problem.nullBias());
    }

    /** Solves starting from (copies of) the given parameters. */
    ExactFit solve(SoftmaxLasso problem, GradientKernel kernel, double[] startWeights, double[] startBias) {
        long started = System.nanoTime();
        double[] weights = startWeights.clone();
        double[] bias = startBias.clone();
        double[] gradient = new double[weights.length];
        double[] biasGradient = new double[problem.classes];
        SoftmaxRows state = new SoftmaxRows(problem);
        CoordinateDescent descent = new CoordinateDescent(problem, state);
        int passes = 0;
        for (int round = 1; ; round++) {
            double loss = kernel.lossAndGradient(weights, bias, gradient, biasGradient);
            double violation = problem.kktViolation(weights, gradient, biasGradient);
            if (violation <= tolerance || round > maxRounds) {
                return new ExactFit(problem.concepts(), problem.classes, weights, bias, problem.l1, problem.l2,
                        loss + problem.penalty(weights), violation, tolerance, violation <= tolerance, round, passes,
                        (System.nanoTime() - started) / 1e9);
            }
            int[] workingSet = workingSet(problem, weights, gradient);
            state.refresh(weights, bias);
            passes += descend(problem, descent, workingSet, weights, bias);
        }
    }

    private int descend(SoftmaxLasso problem, CoordinateDescent descent, int[] workingSet, double[] weights, double[] bias) {
        int classes = problem.classes;
        for (int pass = 1; pass <= MAX_INNER_PASSES; pass++) {
            double worst = 0;
            if (problem.intercept) {
                for (int k = 0; k < classes; k++) {
                    worst = Math.max(worst, descent.updateBias(bias, k));
                }
            }
            for (int index : workingSet) {
                worst = Math.max(worst, descent.updateWeight(weights, index / classes, index % classes));
            }
            if (worst <= INNER_FRACTION * tolerance) {
                return pass;
            }
        }
        return MAX_INNER_PASSES;
    }

    /** Nonzero weights and zero weights that violate their optimality condition, in concept-major order. */
    private int[] workingSet(SoftmaxLasso problem, double[] weights, double[] gradient) {
        int[] set = new int[weights.length];
        int size = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0 || problem.coordinateViolation(0, gradient[i]) > 0) {
                set[size++] = i;
            }
        }
        return Arrays.copyOf(set, size);
    }

    /** Settings of the solver; defaults: KKT tolerance 1e-7, at most 1,000 working-set rounds. */
    public static final class Builder {
        private double tolerance = 1e-7;
        private int maxRounds = 1000;

        /** Largest allowed KKT violation (in units of the per-example mean loss gradient). */
        public Builder optTolerance(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("the solver tolerance must be > 0, found " + value);
            }
            tolerance = value;
            return this;
        }

        public Builder optMaxRounds(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("the solver's maximum rounds must be >= 1, found " + value);
            }
            maxRounds = value;
            return this;
        }

        public ExactSolver build() {
            return new ExactSolver(this);
        }
    }
}
