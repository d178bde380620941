package dev.apprentice.il.discriminator;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.MinibatchSampler;
import dev.apprentice.il.nn.DiscriminatorLoss;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.TrainableNetwork;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.SplittableRandom;

/**
 * The adversarial discriminator D_φ(s, a) shared by GAIL and RAIL: an MLP over the normalised
 * state and the action (one-hot when discrete) that learns to tell the expert's pairs from the
 * policy's, trained with Adam on balanced minibatches, and read by policy optimisers through an
 * immutable {@link #reward()} snapshot.
 *
 * <pre>{@code
 * Discriminator d = Discriminator.forExpert(expert, DiscriminatorConfig.defaults(), seed);
 * DiscriminatorMetrics m = d.train(expert, policyRollouts, new SplittableRandom(seed));
 * RewardFunction reward = d.reward();
 * }</pre>
 */
public final class Discriminator {

    private final Box stateSpace;
    private final Space actionSpace;
    private final DiscriminatorConfig config;
    private final DiscriminatorInput input;
    private final TrainableNetwork network;

    /**
     * A freshly initialised discriminator.
     *
     * @param normalizer standardises states before they enter the network; usually the expert states' moments
     * @param seed weight initialisation seed
     */
    public Discriminator(Box stateSpace, Space actionSpace, ObservationNormalizer normalizer, DiscriminatorConfig config,
            long seed) {
        this(stateSpace, actionSpace, config, checkedInput(stateSpace, actionSpace, normalizer), null, null, seed);
    }

    private Discriminator(Box stateSpace, Space actionSpace, DiscriminatorConfig config, DiscriminatorInput input,
            Checkpoint restoreFrom, String name, long seed) {
        if (config == null) {
            throw new IllegalArgumentException("discriminator config is required");
        }
        this.stateSpace = stateSpace;
        this.actionSpace = actionSpace;
        this.config = config;
        this.input = input;
        PolicyNetworks.Spec spec = new PolicyNetworks.Spec(input.width(), config.hiddenSizes(), config.activation(), 1,
                new DiscriminatorLoss(config.objective() == DiscriminatorObjective.LEAST_SQUARES, config.gradientPenalty(),
                        config.penaltyStep(), input.width()),
                config.learningRate(), 0, seed, 0, config.engine());
        this.network = restoreFrom != null ? PolicyNetworks.restore(restoreFrom, name, spec) : PolicyNetworks.build(spec);
    }

    /** A discriminator for the spaces of {@code expert}, normalising states by the expert states' moments. */
    public static Discriminator forExpert(DemonstrationSet expert, DiscriminatorConfig config, long seed) {
        float[][] moments = expert.stateMoments();
        return new Discriminator(expert.stateSpace(), expert.actionSpace(), new ObservationNormalizer(moments[0], moments[1]),
                config, seed);
    }

    private static DiscriminatorInput checkedInput(Box stateSpace, Space actionSpace, ObservationNormalizer normalizer) {
        if (stateSpace == null || actionSpace == null || normalizer == null) {
            throw new IllegalArgumentException("discriminator: state space, action space and normaliser are required");
        }
        if (normalizer.dimension() != stateSpace.dimension()) {
            throw new IllegalArgumentException("discriminator: normaliser has " + normalizer.dimension()
                    + " dimensions, state space has " + stateSpace.dimension());
        }
        return new DiscriminatorInput(normalizer, actionSpace);
    }

    public DiscriminatorConfig config() {
        return config;
    }

    /**
     * Runs {@link DiscriminatorConfig#updatesPerIteration()} Adam steps, each on
     * {@link DiscriminatorConfig#batchSize()} expert and as many generated pairs drawn with
     * replacement (plus interpolates for the gradient penalty).
     *
     * @param rng draws the minibatches and penalty points; pass a stream derived from the iteration for reproducibility
     * @return loss and accuracies on the minibatches, measured before each step and averaged
     */
    public DiscriminatorMetrics train(DemonstrationSet expert, DemonstrationSet generated, SplittableRandom rng) {
        requireMatchingSpaces(expert, "expert");
        requireMatchingSpaces(generated, "generated");
        int b = config.batchSize();
        int w = input.width();
        boolean penalty = config.gradientPenalty() > 0;
        MinibatchSampler expertBatches = expert.sampler(b, rng.nextLong());
        MinibatchSampler generatedBatches = generated.sampler(b, rng.nextLong());
        double loss = 0;
        double expertAccuracy = 0;
        double generatedAccuracy = 0;
        for (int u = 0; u < config.updatesPerIteration(); u++) {
            expertBatches.sampleBatch();
            generatedBatches.sampleBatch();
            float[] xe = input.encode(expertBatches.states(), expertBatches.actions(), b);
            float[] xg = input.encode(generatedBatches.states(), generatedBatches.actions(), b);
            int rows = penalty ? 4 * b : 2 * b;
            float[] features = new float[rows * w];
            float[] labels = new float[rows];
            System.arraycopy(xe, 0, features, 0, b * w);
            System.arraycopy(xg, 0, features, b * w, b * w);
            java.util.Arrays.fill(labels, 0, b, DiscriminatorLoss.EXPERT);
            java.util.Arrays.fill(labels, b, 2 * b, DiscriminatorLoss.GENERATED);
            if (penalty) {
                addPenaltyRows(xe, xg, b, w, features, labels, rng);
            }
            float[] outputs = outputs(java.util.Arrays.copyOf(features, 2 * b * w), 2 * b);
            expertAccuracy += share(outputs, 0, b, true);
            generatedAccuracy += share(outputs, b, 2 * b, false);
            loss += network.fit(features, labels, rows);
        }
        int n = config.updatesPerIteration();
        return new DiscriminatorMetrics(loss / n, expertAccuracy / n, generatedAccuracy / n);
    }

    /** Pairs x̂ ± h·u at random interpolates x̂ = εx_expert + (1 − ε)x_generated, u a random unit direction. */
    private void addPenaltyRows(float[] xe, float[] xg, int b, int w, float[] features, float[] labels, SplittableRandom rng) {
        double h = config.penaltyStep();
        float[] u = new float[w];
        for (int k = 0; k < b; k++) {
            double eps = rng.nextDouble();
            double norm = 0;
            for (int j = 0; j < w; j++) {
                u[j] = (float) gaussian(rng);
                norm += u[j] * u[j];
            }
            norm = Math.sqrt(norm);
            int plus = (2 * b + k) * w;
            int minus = (3 * b + k) * w;
            for (int j = 0; j < w; j++) {
                double mid = eps * xe[k * w + j] + (1 - eps) * xg[k * w + j];
                features[plus + j] = (float) (mid + h * u[j] / norm);
                features[minus + j] = (float) (mid - h * u[j] / norm);
            }
            labels[2 * b + k] = DiscriminatorLoss.PENALTY_PLUS;
            labels[3 * b + k] = DiscriminatorLoss.PENALTY_MINUS;
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Loss (without gradient penalty) and accuracies on every pair of two sets, e.g. held-out expert
     * episodes against fresh policy rollouts.
     */
    public DiscriminatorMetrics evaluate(DemonstrationSet expert, DemonstrationSet generated) {
        requireMatchingSpaces(expert, "expert");
        requireMatchingSpaces(generated, "generated");
        float[] ye = outputsOf(expert);
        float[] yg = outputsOf(generated);
        double loss = 0;
        for (float y : ye) {
            loss += (config.objective() == DiscriminatorObjective.GAN ? softplus(-y) : 0.5 * (y - 1) * (y - 1)) / ye.length;
        }
        for (float y : yg) {
            loss += (config.objective() == DiscriminatorObjective.GAN ? softplus(y) : 0.5 * y * y) / yg.length;
        }
        return new DiscriminatorMetrics(loss, share(ye, 0, ye.length, true), share(yg, 0, yg.length, false));
    }

    /** An immutable plain-Java snapshot of the current discriminator as a reward function. */
    public DiscriminatorReward reward() {
        return new DiscriminatorReward(input, network.export(), config.objective(), config.rewardForm());
    }

    /** Adds this discriminator's network (with Adam state) and normaliser to a checkpoint under {@code name}. */
    public void saveTo(Checkpoint checkpoint, String name) {
        network.saveTo(checkpoint, name);
        checkpoint.putFloats(name + ".normalizer.mean", input.normalizer().mean())
                .putFloats(name + ".normalizer.std", input.normalizer().std());
    }

    /** The discriminator saved by {@link #saveTo} under {@code name}. */
    public static Discriminator restore(Checkpoint checkpoint, String name, Box stateSpace, Space actionSpace,
            DiscriminatorConfig config) {
        ObservationNormalizer normalizer = new ObservationNormalizer(checkpoint.floats(name + ".normalizer.mean"),
                checkpoint.floats(name + ".normalizer.std"));
        return new Discriminator(stateSpace, actionSpace, config, checkedInput(stateSpace, actionSpace, normalizer),
                checkpoint, name, 0);
    }

    private float[] outputsOf(DemonstrationSet set) {
        int n = set.size();
        float[] states = new float[n * set.stateWidth()];
        float[] actions = new float[n * set.actionWidth()];
        for (int i = 0; i < n; i++) {
            set.copyState(i, states, i * set.stateWidth());
            set.copyAction(i, actions, i * set.actionWidth());
        }
        return outputs(input.encode(states, actions, n), n);
    }

    private float[] outputs(float[] features, int rows) {
        return network.output(features, rows);
    }

    /** Share of outputs in [from, to) classified as expert ({@code expert} true) or as generated. */
    private double share(float[] outputs, int from, int to, boolean expert) {
        int hits = 0;
        for (int i = from; i < to; i++) {
            boolean saysExpert = DiscriminatorReward.probability(config.objective(), outputs[i]) > 0.5;
            if (saysExpert == expert) {
                hits++;
            }
        }
        return hits / (double) (to - from);
    }

    private void requireMatchingSpaces(DemonstrationSet set, String which) {
        if (set == null) {
            throw new IllegalArgumentException(which + " pairs are required");
        }
        if (!set.stateSpace().equals(stateSpace) || !set.actionSpace().equals(actionSpace)) {
            throw new IllegalArgumentException(which + " pairs: expected states in " + stateSpace.describe()
                    + " and actions in " + actionSpace.describe() + ", found " + set.stateSpace().describe() + " and "
                    + set.actionSpace().describe());
        }
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
