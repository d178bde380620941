package dev.apprentice.il.env.reference;

import dev.apprentice.il.algorithms.meta.EnvironmentTasks;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * NoRML's cart-pole sensor-bias task distribution (Yang et al. 2019, Section 5.2, and the
 * released {@code CARTPOLE_SENSOR} configurations): continuous-force cart-pole
 * ({@link ContinuousCartPoleEnvironment}) whose pole-angle reading carries a constant bias drawn
 * uniformly from [−π/18, π/18] (±10°) per task. The pole falls by its true angle, the policy sees
 * the biased one, and the reward (1 per step balanced) says nothing about the bias.
 */
public final class CartPoleSensorTasks implements EnvironmentTasks {

    /** The paper's largest bias: 10°. */
    public static final double PAPER_MAX_BIAS = Math.PI / 18;
    private static final int ANGLE = 2;

    private final double maxBias;
    private final Box observationSpace;

    /** The paper's distribution: biases in ±10°. */
    public CartPoleSensorTasks() {
        this(PAPER_MAX_BIAS);
    }

    /** @param maxBias biases are drawn uniformly from [−maxBias, maxBias] radians, in [0, π/4] */
    public CartPoleSensorTasks(double maxBias) {
        if (!(maxBias >= 0 && maxBias <= Math.PI / 4)) {
            throw new IllegalArgumentException("maxBias: expected a value in [0, π/4] radians, found " + maxBias);
        }
        this.maxBias = maxBias;
        Box plain = new ContinuousCartPoleEnvironment().observationSpace();
        float[] low = plain.low();
        float[] high = plain.high();
        low[ANGLE] -= (float) maxBias;
        high[ANGLE] += (float) maxBias;
        this.observationSpace = new Box(low, high);
    }

    /** The angle-sensor bias, in radians, of the task drawn with {@code taskSeed}. */
    public double bias(long taskSeed) {
        return maxBias == 0 ? 0 : new SplittableRandom(taskSeed).nextDouble(-maxBias, Math.nextUp(maxBias));
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Box actionSpace() {
        return Box.unbounded(1);
    }

    @Override
    public Environment create(long taskSeed) {
        return new BiasedAngleSensor(new ContinuousCartPoleEnvironment(), (float) bias(taskSeed), observationSpace);
    }

    @Override
    public String fingerprint() {
        return String.format(Locale.ROOT, "cartpole-sensor-bias(force=continuous,angleBias=uniform[-%.17g,%.17g])",
                maxBias, maxBias);
    }

    @Override
    public String toString() {
        return fingerprint();
    }

    /** A cart-pole whose angle reading is off by a constant. */
    private record BiasedAngleSensor(ContinuousCartPoleEnvironment cartPole, float bias, Box observationSpace)
            implements Environment {

        @Override
        public Box actionSpace() {
            return cartPole.actionSpace();
        }

        @Override
        public float[] reset(long seed) {
            return biased(cartPole.reset(seed));
        }

        @Override
        public StepResult step(float[] action) {
            StepResult r = cartPole.step(action);
            return new StepResult(biased(r.observation()), r.reward(), r.terminated(), r.truncated());
        }

        private float[] biased(float[] observation) {
            observation[ANGLE] += bias;
            return observation;
        }
    }
}
