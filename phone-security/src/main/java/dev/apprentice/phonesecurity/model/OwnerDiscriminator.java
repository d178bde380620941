package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.discriminator.Discriminator;
import dev.apprentice.il.discriminator.DiscriminatorConfig;
import dev.apprentice.il.discriminator.DiscriminatorReward;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.phonesecurity.behaviour.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the core's discriminator D(s, a) to tell one owner's (context, behaviour) pairs from
 * other people's: s is the activity (one-hot), a the behaviour in the population model's
 * coordinates. Its logit is the adversarial half of the owner's score.
 */
public final class OwnerDiscriminator {

    /** A pair as the discriminator sees it. */
    public record Pair(Activity activity, double[] behaviour) {
    }

    private final DiscriminatorConfig config;

    /** A trainer with these discriminator settings. */
    public OwnerDiscriminator(DiscriminatorConfig config) {
        this.config = config;
    }

    /**
     * The settings used for owners: a small network trained in a fraction of a second. With 15
     * enrolment samples the network would otherwise learn them by heart; the zero-centred gradient
     * penalty (as in the core's GAIL) keeps it smooth, and halved the discriminator's error on the
     * Hold-and-Tap protocol.
     */
    public static DiscriminatorConfig defaultConfig() {
        return DiscriminatorConfig.builder().hiddenSizes(32).activation(Activation.TANH).learningRate(1e-3)
                .batchSize(64).updatesPerIteration(300).gradientPenalty(0.5).build();
    }

    /** The settings. */
    public DiscriminatorConfig config() {
        return config;
    }

    /** Trains on the owner's pairs against other people's and returns the trained network as a scorer. */
    public DiscriminatorReward train(List<Pair> owner, List<Pair> others, long seed) {
        if (owner.isEmpty() || others.isEmpty()) {
            throw new IllegalArgumentException("discriminator: expected pairs of the owner and of other people");
        }
        int d = owner.get(0).behaviour().length;
        Box contextSpace = Box.uniform(Activity.values().length, 0, 1);
        Box behaviourSpace = Box.unbounded(d);
        DemonstrationSet ownerSet = set(owner, contextSpace, behaviourSpace);
        DemonstrationSet otherSet = set(others, contextSpace, behaviourSpace);
        float[] zero = new float[Activity.values().length];
        float[] one = new float[zero.length];
        java.util.Arrays.fill(one, 1f);
        Discriminator discriminator = new Discriminator(contextSpace, behaviourSpace, new ObservationNormalizer(zero, one),
                config, seed);
        discriminator.train(ownerSet, otherSet, new SplittableRandom(seed ^ 0x5DEECE66DL));
        return discriminator.reward();
    }

    /** The context one-hot the discriminator sees for an activity. */
    public static float[] context(Activity activity) {
        float[] s = new float[Activity.values().length];
        s[activity.ordinal()] = 1f;
        return s;
    }

    /** Single precision, as the network sees it. */
    public static float[] behaviour(double[] y) {
        float[] a = new float[y.length];
        for (int k = 0; k < y.length; k++) {
            a[k] = (float) y[k];
        }
        return a;
    }

    private static DemonstrationSet set(List<Pair> pairs, Box contextSpace, Box behaviourSpace) {
        List<float[]> states = new ArrayList<>(pairs.size() + 1);
        List<float[]> actions = new ArrayList<>(pairs.size());
        for (Pair p : pairs) {
            states.add(context(p.activity()));
            actions.add(behaviour(p.behaviour()));
        }
        states.add(states.get(states.size() - 1));
        Trajectory all = Trajectory.of(states, actions, null, false);
        return DemonstrationSet.fromTrajectories(contextSpace, behaviourSpace, List.of(all));
    }
}
