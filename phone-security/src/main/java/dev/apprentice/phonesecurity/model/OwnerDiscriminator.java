package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.discriminator.Discriminator;
import dev.apprentice.il.discriminator.DiscriminatorConfig;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.spaces.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the core's discriminator D(s, a) to tell one owner's behaviour from behaviour generated
 * by the population model, as GAIL's discriminator tells the expert from its generator. The
 * behaviour is given in the population's coordinates, which already take the context s (the
 * activity) out of the raw features, so the network's state input is a single constant. Training
 * against generated people rather than stored ones means enrolment needs nobody else's data.
 */
public final class OwnerDiscriminator {

    private static final Box STATE = Box.uniform(1, 0, 1);
    private static final float[] STATE_VALUE = {0f};

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

    /** Trains on the owner's projected samples against generated ones; returns the network. */
    public DenseNetwork train(List<double[]> owner, List<double[]> generated, long seed) {
        if (owner.isEmpty() || generated.isEmpty()) {
            throw new IllegalArgumentException("discriminator: expected samples of the owner and generated ones");
        }
        Box behaviour = Box.unbounded(owner.get(0).length);
        Discriminator discriminator = new Discriminator(STATE, behaviour,
                new ObservationNormalizer(new float[] {0f}, new float[] {1f}), config, seed);
        discriminator.train(set(owner, behaviour), set(generated, behaviour), new SplittableRandom(seed ^ 0x5DEECE66DL));
        return discriminator.reward().network();
    }

    /** The discriminator's logit for a projected sample. */
    public static double logit(DenseNetwork network, double[] y) {
        float[] input = new float[y.length + 1];
        input[0] = STATE_VALUE[0];
        for (int k = 0; k < y.length; k++) {
            input[k + 1] = (float) y[k];
        }
        return network.forward(input)[0];
    }

    private static DemonstrationSet set(List<double[]> samples, Box behaviour) {
        List<float[]> states = new ArrayList<>(samples.size() + 1);
        List<float[]> actions = new ArrayList<>(samples.size());
        for (double[] y : samples) {
            states.add(STATE_VALUE);
            float[] a = new float[y.length];
            for (int k = 0; k < y.length; k++) {
                a[k] = (float) y[k];
            }
            actions.add(a);
        }
        states.add(STATE_VALUE);
        return DemonstrationSet.fromTrajectories(STATE, behaviour, List.of(Trajectory.of(states, actions, null, false)));
    }
}
