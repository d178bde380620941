package dev.apprentice.il.algorithms;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.nn.CategoricalNllLoss;
import dev.apprentice.il.nn.MeanSquaredErrorLoss;
import dev.apprentice.il.nn.PlainJavaLoss;
import dev.apprentice.il.nn.SquashedGaussianNllLoss;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.RegressionMlpPolicy;
import dev.apprentice.il.policy.SquashedGaussianDistribution;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns expert actions into network targets under an {@link ImitationLoss}, and a trained network
 * back into the policy of that loss: what every supervised imitation learner (BC, the
 * meta-learners) shares, so that all of them fit the same targets with the same losses.
 */
public final class ActionTargets {

    /** Expert actions are pulled this far (as a share of the half-width) inside the box before atanh. */
    public static final double SQUASH_MARGIN = 1e-3;

    private final Space actionSpace;
    private final ImitationLoss loss;

    /**
     * @throws IllegalArgumentException when the loss does not fit the action space (squared error
     *     of discrete actions, any loss of an unbounded box)
     */
    public ActionTargets(Space actionSpace, ImitationLoss loss) {
        if (actionSpace instanceof Box box && !box.isBounded()) {
            throw new IllegalArgumentException("action space: supervised imitation of continuous actions needs a bounded "
                    + "box, found " + box);
        }
        if (loss == ImitationLoss.SQUARED_ERROR && !(actionSpace instanceof Box)) {
            throw new IllegalArgumentException("loss: squared error needs an action box, found " + actionSpace
                    + "; use LIKELIHOOD for discrete actions");
        }
        this.actionSpace = actionSpace;
        this.loss = loss;
    }

    /** The action space. */
    public Space actionSpace() {
        return actionSpace;
    }

    /** Network outputs: one logit per action, a mean and a log-std parameter per dimension, or the action itself. */
    public int width() {
        if (actionSpace instanceof Discrete d) {
            return d.n();
        }
        return loss == ImitationLoss.SQUARED_ERROR ? actionSpace.width() : 2 * actionSpace.width();
    }

    /**
     * The validation metric early stopping minimises. For discrete actions, the cross-entropy.
     * For boxes, the squared error of the action the policy takes (the squashed mean): the
     * Gaussian likelihood on held-out episodes keeps worsening as the standard deviation
     * shrinks on the training episodes, long after the actions have stopped improving.
     */
    public String stoppingMetric() {
        return actionSpace instanceof Discrete ? "validation_loss" : "validation_action_mse";
    }

    /** The loss, with the likelihood's entropy bonus and variance weighting (ignored by squared error). */
    public PlainJavaLoss loss(double entropyBonus, double varianceWeighting) {
        if (actionSpace instanceof Discrete) {
            return new CategoricalNllLoss(entropyBonus);
        }
        return loss == ImitationLoss.SQUARED_ERROR ? new MeanSquaredErrorLoss()
                : new SquashedGaussianNllLoss(entropyBonus, varianceWeighting);
    }

    /** Target values per sample: a one-hot row, pre-squash values {@code atanh(scaled a)}, or the action. */
    public float[] encode(float[] actions, int n) {
        if (actionSpace instanceof Discrete d) {
            float[] oneHot = new float[n * d.n()];
            for (int i = 0; i < n; i++) {
                oneHot[i * d.n() + (int) actions[i]] = 1f;
            }
            return oneHot;
        }
        if (loss == ImitationLoss.SQUARED_ERROR) {
            return Arrays.copyOf(actions, n * actionSpace.width());
        }
        Box box = (Box) actionSpace;
        int d = box.dimension();
        float[] u = new float[n * d];
        float[] row = new float[d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(actions, i * d, row, 0, d);
            System.arraycopy(SquashedGaussianDistribution.unsquash(row, box, SQUASH_MARGIN), 0, u, i * d, d);
        }
        return u;
    }

    /** Accuracy (discrete) or the squared error of the policy's action (boxes) of network outputs on a set. */
    public Map<String, Double> validationMetrics(float[] outputs, DemonstrationSet validation) {
        int n = validation.size();
        int w = width();
        Map<String, Double> m = new LinkedHashMap<>();
        if (actionSpace instanceof Discrete) {
            int correct = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < w; j++) {
                    if (outputs[i * w + j] > outputs[i * w + best]) {
                        best = j;
                    }
                }
                if (best == (int) validation.action(i)[0]) {
                    correct++;
                }
            }
            m.put("validation_accuracy", correct / (double) n);
            return m;
        }
        Box box = (Box) actionSpace;
        int d = box.dimension();
        double sq = 0;
        for (int i = 0; i < n; i++) {
            float[] head = Arrays.copyOfRange(outputs, i * w, i * w + d);
            float[] action = loss == ImitationLoss.SQUARED_ERROR ? box.clip(head) : SquashedGaussianDistribution.squash(head, box);
            float[] expert = validation.action(i);
            for (int j = 0; j < d; j++) {
                double diff = action[j] - expert[j];
                sq += diff * diff;
            }
        }
        m.put("validation_action_mse", sq / ((double) n * d));
        return m;
    }

    /** The policy acting with a trained network. */
    public MlpPolicy policy(Box stateSpace, ObservationNormalizer normalizer, DenseNetwork network) {
        if (actionSpace instanceof Discrete d) {
            return new CategoricalMlpPolicy(stateSpace, d, normalizer, network);
        }
        return loss == ImitationLoss.SQUARED_ERROR ? new RegressionMlpPolicy(stateSpace, (Box) actionSpace, normalizer, network)
                : new GaussianMlpPolicy(stateSpace, (Box) actionSpace, normalizer, network);
    }
}
