package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import java.util.Arrays;
import java.util.List;

/**
 * A nearest-neighbour detector, the family that ranked just behind scaled Manhattan in Killourhy
 * and Maxion, DSN 2009 (their variant: Mahalanobis distance to the single nearest sample) and a
 * standard touch-biometrics classifier (Frank et al., "Touchalytics", IEEE TIFS 8, 2013): a sample
 * scores minus its mean Euclidean distance to the {@value #K} nearest enrolment samples, in
 * background-standardised units so that no feature dominates by its unit. Unlike a mean-based
 * detector it copes with an owner who behaves in several distinct ways.
 */
public final class NearestNeighbours implements VerificationMethod {

    /** Neighbours averaged; fewer when the owner has fewer enrolment samples. */
    public static final int K = 3;

    @Override
    public String name() {
        return "nearest-neighbours";
    }

    @Override
    public Enroller prepare(List<FeatureSample> background, long seed) {
        BackgroundScale scale = BackgroundScale.fit(background);
        return (owner, enrolSeed) -> {
            double[][] enrolled = scale.owner(owner);
            int k = Math.min(K, enrolled.length);
            return sample -> {
                double[] x = scale.apply(sample);
                double[] distances = new double[enrolled.length];
                for (int i = 0; i < enrolled.length; i++) {
                    double sq = 0;
                    for (int j = 0; j < x.length; j++) {
                        double c = x[j] - enrolled[i][j];
                        sq += c * c;
                    }
                    distances[i] = Math.sqrt(sq);
                }
                Arrays.sort(distances);
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += distances[i];
                }
                return -sum / k;
            };
        };
    }
}
