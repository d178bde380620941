package dev.apprentice.phonesecurity.model;

import java.util.List;

/**
 * One owner's behaviour policy π(a | s): the behaviour the owner produces in each context, as a
 * Gaussian in the population model's coordinates. It is the Bayesian posterior predictive of the
 * two-covariance model: after n samples with mean ȳ the owner's offset along coordinate k is
 * m_k = nψ_k ȳ_k / (nψ_k + 1), shrunk towards the population as much as n samples warrant, and a
 * new sample of the owner is N(m_k, 1 + ψ_k / (1 + nψ_k)). The authentication score is the
 * log-likelihood ratio of a sample under the owner's policy against the population's.
 */
public final class OwnerPolicy {

    private final double[] offset;
    private final double[] variance;
    private final double[] populationVariance;
    private final int samples;

    OwnerPolicy(double[] offset, double[] variance, double[] populationVariance, int samples) {
        this.offset = offset;
        this.variance = variance;
        this.populationVariance = populationVariance;
        this.samples = samples;
    }

    /**
     * Learns the owner's policy from their projected samples.
     *
     * @param projected at least one sample in the population's coordinates ({@link PopulationModel#project})
     * @throws IllegalArgumentException when there is no sample or a sample has the wrong dimension
     */
    public static OwnerPolicy learn(PopulationModel population, List<double[]> projected) {
        int n = projected.size();
        if (n == 0) {
            throw new IllegalArgumentException("samples: expected at least one enrolment sample, found none");
        }
        double[] psi = population.betweenVariances();
        int d = psi.length;
        double[] sum = new double[d];
        for (double[] y : projected) {
            if (y.length != d) {
                throw new IllegalArgumentException("samples: expected " + d + " projected values, found " + y.length);
            }
            for (int k = 0; k < d; k++) {
                sum[k] += y[k];
            }
        }
        return fromMean(psi, sum, n);
    }

    /** The policy of an owner whose n projected samples sum to {@code sum}. */
    static OwnerPolicy fromMean(double[] psi, double[] sum, int n) {
        int d = psi.length;
        double[] offset = new double[d];
        double[] variance = new double[d];
        double[] populationVariance = new double[d];
        for (int k = 0; k < d; k++) {
            double mean = sum[k] / n;
            offset[k] = n * psi[k] * mean / (n * psi[k] + 1);
            variance[k] = 1 + psi[k] / (1 + n * psi[k]);
            populationVariance[k] = 1 + psi[k];
        }
        return new OwnerPolicy(offset, variance, populationVariance, n);
    }

    /** Enrolment samples behind this policy. */
    public int samples() {
        return samples;
    }

    /** The owner's expected behaviour offset from the population, per coordinate. */
    public double[] offset() {
        return offset.clone();
    }

    /** The owner's predictive variance per coordinate. */
    public double[] variance() {
        return variance.clone();
    }

    /** The population's variance per coordinate (1 + ψ). */
    public double[] populationVariance() {
        return populationVariance.clone();
    }

    /** log π_owner(y) − log π_population(y) for a projected sample. */
    public double logLikelihoodRatio(double[] y) {
        if (y.length != offset.length) {
            throw new IllegalArgumentException("sample: expected " + offset.length + " projected values, found " + y.length);
        }
        double llr = 0;
        for (int k = 0; k < y.length; k++) {
            double r = y[k] - offset[k];
            llr += -0.5 * (r * r / variance[k] + Math.log(variance[k]))
                    + 0.5 * (y[k] * y[k] / populationVariance[k] + Math.log(populationVariance[k]));
        }
        return llr;
    }
}
