package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.SplittableRandom;

/**
 * MAML's sinusoid regression benchmark (Finn, Abbeel and Levine 2017, §5.1): a task is
 * {@code y = A·sin(x − φ)} with amplitude A uniform in [0.1, 5] and phase φ uniform in [0, π];
 * inputs x are uniform in [−5, 5]. The paper's figure to compare with: after 10 gradient steps
 * on 5 examples, MAML reaches a mean squared error of 0.35 where joint pre-training on all tasks
 * stays at 2.19 (§5.1, Fig. 3). The conformance tests and the CLI's report use it.
 */
public final class SinusoidTasks implements DemonstrationTasks {

    /** Smallest amplitude. */
    public static final double MIN_AMPLITUDE = 0.1;
    /** Largest amplitude. */
    public static final double MAX_AMPLITUDE = 5.0;
    /** Largest phase (the smallest is 0). */
    public static final double MAX_PHASE = Math.PI;
    /** Inputs lie in [−X_RANGE, X_RANGE]. */
    public static final double X_RANGE = 5.0;

    private static final Box STATES = new Box(new float[] {(float) -X_RANGE}, new float[] {(float) X_RANGE});
    private static final Box ACTIONS = new Box(new float[] {(float) -MAX_AMPLITUDE}, new float[] {(float) MAX_AMPLITUDE});

    /** One sinusoid. */
    public record Sinusoid(double amplitude, double phase) {

        /** The task's value at {@code x}. */
        public double valueAt(double x) {
            return amplitude * Math.sin(x - phase);
        }

        /** {@code count} inputs drawn uniformly and their values. */
        public Shots draw(SplittableRandom rng, int count) {
            float[] xs = new float[count];
            float[] ys = new float[count];
            for (int i = 0; i < count; i++) {
                xs[i] = (float) rng.nextDouble(-X_RANGE, X_RANGE);
                ys[i] = (float) valueAt(xs[i]);
            }
            return new Shots(xs, ys, count);
        }

        /** {@code count} evenly spaced inputs over the whole range and their values, for scoring a fit. */
        public Shots grid(int count) {
            float[] xs = new float[count];
            float[] ys = new float[count];
            for (int i = 0; i < count; i++) {
                xs[i] = (float) (-X_RANGE + 2 * X_RANGE * i / (count - 1));
                ys[i] = (float) valueAt(xs[i]);
            }
            return new Shots(xs, ys, count);
        }
    }

    /** A task drawn from the benchmark's distribution. */
    public static Sinusoid drawTask(SplittableRandom rng) {
        return new Sinusoid(rng.nextDouble(MIN_AMPLITUDE, MAX_AMPLITUDE), rng.nextDouble(0, MAX_PHASE));
    }

    @Override
    public Box stateSpace() {
        return STATES;
    }

    @Override
    public Space actionSpace() {
        return ACTIONS;
    }

    /** Uniform inputs on [−5, 5]: mean 0, standard deviation 10/√12. */
    @Override
    public float[][] stateMoments() {
        return new float[][] {{0f}, {(float) (2 * X_RANGE / Math.sqrt(12))}};
    }

    /** Every task is an unbounded source of samples. */
    @Override
    public int smallestTaskSize() {
        return Integer.MAX_VALUE;
    }

    @Override
    public TaskBatch sample(SplittableRandom rng, int supportSize, int querySize) {
        if (supportSize < 1 || querySize < 1) {
            throw new IllegalArgumentException("sinusoid tasks: expected 1 or more support and query samples, found "
                    + supportSize + " and " + querySize);
        }
        Sinusoid task = drawTask(rng);
        return new TaskBatch(task.toString(), task.draw(rng, supportSize), task.draw(rng, querySize));
    }

    @Override
    public String fingerprint() {
        return "sinusoid(amplitude " + MIN_AMPLITUDE + "-" + MAX_AMPLITUDE + ", phase 0-pi, x -5..5)";
    }
}
