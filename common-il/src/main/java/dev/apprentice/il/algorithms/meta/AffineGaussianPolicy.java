package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.policy.DiagonalGaussianDistribution;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import java.util.Arrays;

/**
 * A Gaussian policy whose mean is affine in the raw observation, {@code μ = W s + b}, with one
 * learned log standard deviation per action coordinate: the policy NoRML meta-trains and adapts
 * here, small enough that a policy-gradient step and its Hessian-vector product cost microseconds.
 * Parameters are one flat vector: W row after row (one row per action coordinate), then b, then
 * the log standard deviations, which act clamped into [{@value GaussianMlpPolicy#LOG_STD_MIN},
 * {@value GaussianMlpPolicy#LOG_STD_MAX}].
 */
public final class AffineGaussianPolicy implements Policy {

    private final Box observationSpace;
    private final Box actionSpace;
    private final double[] parameters;
    private final int inputs;
    private final int outputs;

    /**
     * @param parameters {@link #parameterCount(int, int)} finite values in the layout described above
     */
    public AffineGaussianPolicy(Box observationSpace, Box actionSpace, double[] parameters) {
        this.inputs = observationSpace.dimension();
        this.outputs = actionSpace.dimension();
        int expected = parameterCount(inputs, outputs);
        if (parameters == null || parameters.length != expected) {
            throw new IllegalArgumentException("affine gaussian policy: expected " + expected + " parameters, found "
                    + (parameters == null ? "null" : String.valueOf(parameters.length)));
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new IllegalArgumentException("affine gaussian policy: parameter " + i + " must be finite, found "
                        + parameters[i]);
            }
        }
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.parameters = parameters.clone();
    }

    /** Number of parameters for these widths: {@code outputs * (inputs + 2)}. */
    public static int parameterCount(int inputs, int outputs) {
        return outputs * (inputs + 2);
    }

    /** A copy of the parameters. */
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Box actionSpace() {
        return actionSpace;
    }

    @Override
    public DiagonalGaussianDistribution distribution(float[] observation) {
        checkObservation(observation);
        double[] variance = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            double std = Math.exp(logStd(k));
            variance[k] = std * std;
        }
        return new DiagonalGaussianDistribution(mean(observation), variance);
    }

    /**
     * Adds {@code weight · ∇ log π(action | observation)} with respect to the parameters to
     * {@code into}: the score function every policy-gradient estimate here is a weighted sum of.
     */
    void addScore(float[] observation, float[] action, double weight, double[] into) {
        double[] mean = mean(observation);
        int biasStart = outputs * inputs;
        int logStdStart = biasStart + outputs;
        for (int k = 0; k < outputs; k++) {
            double raw = parameters[logStdStart + k];
            double std = Math.exp(logStd(k));
            double z = (action[k] - mean[k]) / std;
            double dMean = weight * z / std;
            for (int j = 0; j < inputs; j++) {
                into[k * inputs + j] += dMean * observation[j];
            }
            into[biasStart + k] += dMean;
            if (raw > GaussianMlpPolicy.LOG_STD_MIN && raw < GaussianMlpPolicy.LOG_STD_MAX) {
                into[logStdStart + k] += weight * (z * z - 1);
            }
        }
    }

    private double[] mean(float[] observation) {
        double[] mean = new double[outputs];
        int biasStart = outputs * inputs;
        for (int k = 0; k < outputs; k++) {
            double sum = parameters[biasStart + k];
            for (int j = 0; j < inputs; j++) {
                sum += parameters[k * inputs + j] * observation[j];
            }
            mean[k] = sum;
        }
        return mean;
    }

    private double logStd(int k) {
        double raw = parameters[outputs * (inputs + 1) + k];
        return Math.max(GaussianMlpPolicy.LOG_STD_MIN, Math.min(GaussianMlpPolicy.LOG_STD_MAX, raw));
    }

    private void checkObservation(float[] observation) {
        if (observation == null || observation.length != inputs) {
            throw new IllegalArgumentException("observation: expected " + inputs + " values, found "
                    + (observation == null ? "null" : String.valueOf(observation.length)));
        }
    }

    @Override
    public String toString() {
        return "AffineGaussianPolicy" + Arrays.toString(parameters);
    }
}
