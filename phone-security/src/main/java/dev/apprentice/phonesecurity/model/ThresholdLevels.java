package dev.apprentice.phonesecurity.model;

import java.util.Arrays;

/**
 * The correction that makes thresholds set on generated people hold on real ones. Generated
 * people (the population model's Gaussians) are easier to reject than real impostors, whose
 * behaviour has heavier tails: on the Hold-and-Tap protocol a threshold at 1 % of generated people
 * let 13 % of real impostors in. So the population learning step enrols some background people
 * and scores the others' sessions against them, and keeps, per session length, where real
 * impostors' scores fall in the owners' generated-score distributions, standardised by the mean
 * and spread of each owner's generated sessions (so that they extend beyond the highest generated
 * score). A threshold for a real false-accept rate r is then the owner's generated mean plus its
 * spread times the (1 − r) quantile of these standardised scores. Only the quantiles are kept,
 * never anyone's samples.
 *
 * @param tails per session length k (index k − 1), the sorted standardised scores of real impostor
 *     sessions, downsampled to at most {@link #POINTS} quantiles; empty arrays mean no correction
 */
public record ThresholdLevels(double[][] tails) {

    /** Quantiles kept per session length. */
    public static final int POINTS = 1000;

    /** No correction: generated rates are taken as real ones. */
    public static ThresholdLevels none(int maxSamples) {
        return new ThresholdLevels(new double[maxSamples][0]);
    }

    /** Sorts and downsamples measured tail shares (one array per session length). */
    public static ThresholdLevels of(double[][] measured) {
        double[][] out = new double[measured.length][];
        for (int k = 0; k < measured.length; k++) {
            double[] sorted = measured[k].clone();
            Arrays.sort(sorted);
            if (sorted.length <= POINTS) {
                out[k] = sorted;
            } else {
                out[k] = new double[POINTS];
                for (int i = 0; i < POINTS; i++) {
                    out[k][i] = sorted[(int) ((long) i * (sorted.length - 1) / (POINTS - 1))];
                }
            }
        }
        return new ThresholdLevels(out);
    }

    /** Whether there is a correction for sessions of {@code samples} samples. */
    public boolean corrects(int samples) {
        return samples <= tails.length && tails[samples - 1].length > 0;
    }

    /**
     * The standardised score above which real impostors' sessions of {@code samples} samples pass
     * with rate {@code realRate}: multiply by the owner's generated spread and add its mean.
     */
    public double standardThreshold(int samples, double realRate) {
        if (!corrects(samples)) {
            throw new IllegalStateException("no correction for sessions of " + samples + " samples");
        }
        double[] t = tails[samples - 1];
        int index = (int) Math.ceil((1 - realRate) * (t.length - 1));
        return Math.nextUp(t[Math.min(t.length - 1, Math.max(0, index))]);
    }
}
