package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.algorithms.ConfigChecks.atLeast;
import static dev.apprentice.il.algorithms.ConfigChecks.inRange;
import static dev.apprentice.il.algorithms.ConfigChecks.nonNegative;
import static dev.apprentice.il.algorithms.ConfigChecks.positive;

import dev.apprentice.il.algorithms.ActionTargets;
import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.nn.PlainJavaLoss;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.TrainableNetwork;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.RegressionMlpPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a policy adapts to a new task (a new person) from a few of its samples: {@code steps}
 * full-batch gradient steps of size {@code learningRate} on the imitation loss, starting from a
 * meta-learned (or any) initialisation, keeping its observation normaliser. The same inner loop
 * meta-training ran, so the initialisation was learned for exactly this update.
 *
 * <pre>{@code
 * FewShotAdaptation adaptation = config.adaptation();                 // from the MetaConfig
 * MlpPolicy forAlice = adaptation.adapt((MlpPolicy) outcome.policy(), aliceSamples);
 * }</pre>
 *
 * @param steps gradient steps (0 returns the initialisation)
 * @param learningRate step size α
 * @param entropyBonus the likelihood loss's entropy bonus (as in BC)
 * @param varianceWeighting the likelihood loss's β for action boxes (as in BC)
 */
public record FewShotAdaptation(int steps, double learningRate, double entropyBonus, double varianceWeighting) {

    /** More steps than any few-shot adaptation needs; bounds the time one request can take. */
    public static final int MAX_STEPS = 10_000;

    public FewShotAdaptation {
        atLeast("adaptationSteps", steps, 0);
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException("adaptationSteps: expected at most " + MAX_STEPS + ", found " + steps);
        }
        positive("innerLearningRate", learningRate);
        nonNegative("entropyBonus", entropyBonus);
        inRange("varianceWeighting", varianceWeighting, 0, 1);
    }

    /** The same adaptation with another number of steps, e.g. to trace a learning curve. */
    public FewShotAdaptation withSteps(int newSteps) {
        return new FewShotAdaptation(newSteps, learningRate, entropyBonus, varianceWeighting);
    }

    /** The settings as a model card records them. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adaptationSteps", steps);
        m.put("innerLearningRate", learningRate);
        m.put("entropyBonus", entropyBonus);
        m.put("varianceWeighting", varianceWeighting);
        return m;
    }

    /**
     * Adapts a policy to a task's demonstrations.
     *
     * @throws IllegalArgumentException when the demonstrations' spaces are not the policy's
     */
    public MlpPolicy adapt(MlpPolicy initial, DemonstrationSet support) {
        if (!support.stateSpace().equals(initial.observationSpace()) || !support.actionSpace().equals(initial.actionSpace())) {
            throw new IllegalArgumentException("adaptation data: states in " + support.stateSpace() + " and actions in "
                    + support.actionSpace() + ", expected the policy's " + initial.observationSpace() + " and "
                    + initial.actionSpace());
        }
        int n = support.size();
        float[] states = new float[n * support.stateWidth()];
        float[] actions = new float[n * support.actionWidth()];
        for (int i = 0; i < n; i++) {
            support.copyState(i, states, i * support.stateWidth());
            support.copyAction(i, actions, i * support.actionWidth());
        }
        // The set validated every row against its spaces, which are the policy's.
        return adaptValidated(initial, new DemonstrationTasks.Shots(states, actions, n));
    }

    /**
     * Adapts a policy to a task's samples.
     *
     * @throws IllegalArgumentException when a state or action is outside the policy's spaces
     */
    public MlpPolicy adapt(MlpPolicy initial, DemonstrationTasks.Shots support) {
        int sw = initial.observationSpace().width();
        int aw = initial.actionSpace().width();
        if (support.states().length != support.rows() * sw || support.actions().length != support.rows() * aw) {
            throw new IllegalArgumentException("adaptation data: expected " + support.rows() + " rows of " + sw
                    + " state and " + aw + " action values, found " + support.states().length + " and "
                    + support.actions().length + " values");
        }
        float[] row = new float[sw];
        float[] action = new float[aw];
        for (int i = 0; i < support.rows(); i++) {
            System.arraycopy(support.states(), i * sw, row, 0, sw);
            initial.observationSpace().validate(row, "adaptation sample " + i + ": state");
            System.arraycopy(support.actions(), i * aw, action, 0, aw);
            initial.actionSpace().validate(action, "adaptation sample " + i + ": action");
        }
        return adaptValidated(initial, support);
    }

    private MlpPolicy adaptValidated(MlpPolicy initial, DemonstrationTasks.Shots support) {
        ActionTargets targets = targetsOf(initial);
        Problem p = Problem.of(support, initial.normalizer(), targets);
        TrainableNetwork net = trainable(initial.network(), targets.loss(entropyBonus, varianceWeighting));
        float[] theta = InnerLoop.descend(net, initial.network().parameters(), p.features(), p.labels(), p.rows(), steps,
                learningRate)[steps];
        return targets.policy(initial.observationSpace(), initial.normalizer(), initial.network().withParameters(theta));
    }

    /** The loss the policy's kind is trained with. */
    static ActionTargets targetsOf(MlpPolicy policy) {
        return new ActionTargets(policy.actionSpace(),
                policy instanceof RegressionMlpPolicy ? ImitationLoss.SQUARED_ERROR : ImitationLoss.LIKELIHOOD);
    }

    /** A plain-Java training network of the policy network's shape, holding its weights (a gradient oracle). */
    static TrainableNetwork trainable(DenseNetwork network, PlainJavaLoss loss) {
        int layers = network.layers().size();
        int[] hidden = new int[layers - 1];
        Activation activation = network.layers().get(0).activation();
        for (int l = 0; l + 1 < layers; l++) {
            hidden[l] = network.layers().get(l).outputs();
            if (network.layers().get(l).activation() != activation) {
                throw new IllegalArgumentException("policy network: adaptation needs one hidden activation, found "
                        + activation + " and " + network.layers().get(l).activation());
            }
        }
        if (layers < 2 || network.layers().get(layers - 1).activation() != Activation.IDENTITY) {
            throw new IllegalArgumentException("policy network: adaptation needs hidden layers and a linear output layer");
        }
        PolicyNetworks.Spec spec = new PolicyNetworks.Spec(network.inputs(), hidden, activation, network.outputs(), loss,
                1e-3, 0, 0, 0, TrainingEngine.PLAIN_JAVA);
        TrainableNetwork net = PolicyNetworks.build(spec);
        net.load(network);
        return net;
    }

    /** Normalised features and encoded labels of a set of samples, the rows a network trains on. */
    record Problem(float[] features, float[] labels, int rows) {

        static Problem of(DemonstrationTasks.Shots shots, ObservationNormalizer normalizer,
                ActionTargets targets) {
            float[] features = shots.states().clone();
            normalizer.normalizeRowsInPlace(features);
            return new Problem(features, targets.encode(shots.actions(), shots.rows()), shots.rows());
        }
    }
}
