package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.policy.ActionDistribution;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.spaces.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * An owner's behaviour policy π_θ(a | s) as a neural network fitted by gradient steps from a chosen
 * {@link PolicyInitialisation}, the learned counterpart of the closed-form {@link OwnerPolicy}. Its
 * action is the owner's behaviour in the population's coordinates, each divided by the population's
 * spread √(1 + ψ) so that everyone's behaviour is about N(0, 1) and fits the core's bounded action
 * box; its score is log π_θ(a) − log N(a; 0, I), the likelihood ratio against the population.
 */
public final class FewShotOwnerPolicy {

    /** The policy's state: the population's coordinates already take the context out, so it is one constant. */
    public static final Box STATE = Box.uniform(1, 0, 1);
    /** Half-width of the action box, in population standard deviations. */
    public static final float ACTION_BOUND = 6f;

    private static final float[] STATE_VALUE = {0f};
    private static final double INSIDE = 1 - 1e-3;
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final MlpPolicy policy;
    private final double[] scale;

    /**
     * @param policy the fitted network policy, over {@link #STATE} and {@link #actionSpace(int)}
     * @param population the population whose coordinates it acts in
     * @throws IllegalArgumentException when the policy's action space is not the population's
     */
    public FewShotOwnerPolicy(MlpPolicy policy, PopulationModel population) {
        if (!policy.actionSpace().equals(actionSpace(population.dimension()))) {
            throw new IllegalArgumentException("owner policy: expected actions in " + actionSpace(population.dimension())
                    + ", found " + policy.actionSpace());
        }
        this.policy = policy;
        this.scale = scale(population);
    }

    /** The action box for behaviour of {@code dimension} coordinates. */
    public static Box actionSpace(int dimension) {
        return Box.uniform(dimension, -ACTION_BOUND, ACTION_BOUND);
    }

    /** The network policy. */
    public MlpPolicy policy() {
        return policy;
    }

    /** log π_θ(a) − log N(a; 0, I) of a projected sample. */
    public double score(double[] projected) {
        float[] a = action(projected, scale);
        ActionDistribution owner = policy.distribution(STATE_VALUE);
        double population = 0;
        for (float v : a) {
            population += -0.5 * v * v - LOG_SQRT_2PI;
        }
        return owner.logProbability(a) - population;
    }

    /**
     * One person's projected samples as demonstrations, one episode in the given order.
     *
     * @throws IllegalArgumentException when there is no sample or one has the wrong dimension
     */
    public static DemonstrationSet demonstrations(PopulationModel population, List<double[]> projected) {
        if (projected.isEmpty()) {
            throw new IllegalArgumentException("samples: expected at least one enrolment sample, found none");
        }
        double[] scale = scale(population);
        List<float[]> states = new ArrayList<>(projected.size() + 1);
        List<float[]> actions = new ArrayList<>(projected.size());
        for (double[] y : projected) {
            if (y.length != scale.length) {
                throw new IllegalArgumentException("samples: expected " + scale.length + " projected values, found " + y.length);
            }
            states.add(STATE_VALUE);
            actions.add(action(y, scale));
        }
        states.add(STATE_VALUE);
        return DemonstrationSet.fromTrajectories(STATE, actionSpace(scale.length),
                List.of(Trajectory.of(states, actions, null, false)));
    }

    private static double[] scale(PopulationModel population) {
        double[] psi = population.betweenVariances();
        double[] s = new double[psi.length];
        for (int k = 0; k < psi.length; k++) {
            s[k] = Math.sqrt(1 + psi[k]);
        }
        return s;
    }

    /** Behaviour in population standard deviations, kept just inside the box (the few beyond ±6 count as ±6). */
    private static float[] action(double[] y, double[] scale) {
        float[] a = new float[y.length];
        double edge = ACTION_BOUND * INSIDE;
        for (int k = 0; k < y.length; k++) {
            a[k] = (float) Math.max(-edge, Math.min(edge, y[k] / scale[k]));
        }
        return a;
    }
}
