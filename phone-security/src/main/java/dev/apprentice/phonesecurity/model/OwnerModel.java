package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.policy.ActionDistribution;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.DiagonalGaussianDistribution;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import java.util.List;

/**
 * One owner's learned model, the per-user artefact the registry stores and the service serves:
 * the owner's behaviour policy π(a | s) (in the population's coordinates), the discriminator
 * against generated people, their fusion, and the accept and lock thresholds for sessions of 1 to
 * {@code maxFusedSamples} samples, set on generated people at the configured false-accept rates.
 * Immutable and thread-safe.
 */
public final class OwnerModel implements Policy {

    /** The context the policy sees: the activity, one-hot. */
    public static final Box CONTEXT = Box.uniform(3, 0, 1);

    private final PopulationRef population;
    private final FusedScore fused;
    private final double[] acceptThresholds;
    private final double[] lockThresholds;
    private final double targetFar;
    private final double lockFar;
    private final Box actionSpace;

    /**
     * @param acceptThresholds index k − 1 holds the threshold for k samples
     * @param lockThresholds index k − 1 holds the lock threshold for k samples, each at most the accept one
     */
    public OwnerModel(PopulationRef population, FusedScore fused, double[] acceptThresholds, double[] lockThresholds,
            double targetFar, double lockFar) {
        if (acceptThresholds.length == 0 || acceptThresholds.length != lockThresholds.length) {
            throw new IllegalArgumentException("thresholds: expected as many lock as accept thresholds, at least one");
        }
        for (int k = 0; k < acceptThresholds.length; k++) {
            if (!Double.isFinite(acceptThresholds[k]) || !(lockThresholds[k] <= acceptThresholds[k])) {
                throw new IllegalArgumentException("thresholds: for " + (k + 1) + " samples the lock threshold must not"
                        + " exceed the accept threshold, both finite");
            }
        }
        this.population = population;
        this.fused = fused;
        this.acceptThresholds = acceptThresholds.clone();
        this.lockThresholds = lockThresholds.clone();
        this.targetFar = targetFar;
        this.lockFar = lockFar;
        this.actionSpace = Box.unbounded(fused.policy().offset().length);
    }

    /** The population this owner was learned from. */
    public PopulationRef population() {
        return population;
    }

    /** The policy, discriminator and their fusion. */
    public FusedScore fused() {
        return fused;
    }

    /** The false-accept rate the accept thresholds are set at. */
    public double targetFar() {
        return targetFar;
    }

    /** The share of other people's sessions below the lock thresholds. */
    public double lockFar() {
        return lockFar;
    }

    /** The longest run of samples a session score averages. */
    public int maxFusedSamples() {
        return acceptThresholds.length;
    }

    /** Accept thresholds, index k − 1 for k samples. */
    public double[] acceptThresholds() {
        return acceptThresholds.clone();
    }

    /** Lock thresholds, index k − 1 for k samples. */
    public double[] lockThresholds() {
        return lockThresholds.clone();
    }

    /**
     * Judges a session from its projected samples, oldest first: the latest
     * {@link #maxFusedSamples()} are averaged.
     *
     * @throws IllegalArgumentException when there is no sample
     */
    public SessionScore judge(List<double[]> projected) {
        if (projected.isEmpty()) {
            throw new IllegalArgumentException("samples: expected at least one sample, found none");
        }
        int used = Math.min(projected.size(), acceptThresholds.length);
        double sum = 0;
        for (int i = projected.size() - used; i < projected.size(); i++) {
            sum += fused.score(projected.get(i));
        }
        double score = sum / used;
        double accept = acceptThresholds[used - 1];
        double lock = lockThresholds[used - 1];
        SessionVerdict verdict = score >= accept ? SessionVerdict.ACCEPT
                : score < lock ? SessionVerdict.LOCK : SessionVerdict.STEP_UP;
        return new SessionScore(score, used, accept, lock, verdict);
    }

    @Override
    public Box observationSpace() {
        return CONTEXT;
    }

    @Override
    public Box actionSpace() {
        return actionSpace;
    }

    /** The owner's behaviour in any context, in the population's coordinates (the context is in the projection). */
    @Override
    public ActionDistribution distribution(float[] observation) {
        CONTEXT.validate(observation, "context");
        return new DiagonalGaussianDistribution(fused.policy().offset(), fused.policy().variance());
    }

    /** The discriminator network (for storage). */
    DenseNetwork discriminator() {
        return fused.discriminator();
    }
}
