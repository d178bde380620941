package dev.apprentice.il.algorithms;

/** Which loss a supervised imitation learner (BC, the meta-learners' inner loop) fits the expert's actions with. */
public enum ImitationLoss {
    /**
     * The expert action's negative log-likelihood under the policy: cross-entropy over discrete
     * actions, the squashed Gaussian's for action boxes. Gives {@code CategoricalMlpPolicy} or
     * {@code GaussianMlpPolicy}.
     */
    LIKELIHOOD,
    /**
     * The squared error between the network's action and the expert's, action boxes only: the
     * regression loss of MAML's benchmarks. Gives a deterministic {@code RegressionMlpPolicy}.
     */
    SQUARED_ERROR
}
