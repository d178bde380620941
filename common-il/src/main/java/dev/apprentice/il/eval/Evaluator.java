package dev.apprentice.il.eval;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.policy.UniformRandomActor;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Evaluates any policy the same way, whatever algorithm made it. On construction it runs the
 * expert and the uniform random policy on the evaluation seeds; every candidate then runs on the
 * very same seeds, so normalised return compares like with like. The states the expert visits on
 * those seeds (which training never saw, as long as training used other seeds) are the held-out
 * states for action agreement.
 *
 * <pre>{@code
 * Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(),
 *         RolloutCollector.seeds(10_000, 50));
 * EvaluationReport report = evaluator.report(List.of(evaluator.evaluate("bc", policy)));
 * System.out.println(report.toTable());
 * }</pre>
 */
public final class Evaluator {

    /** Continuous actions agree when every dimension is within this share of its range. */
    public static final double CONTINUOUS_AGREEMENT_TOLERANCE = 0.05;

    private final RolloutCollector collector;
    private final Supplier<? extends Environment> environments;
    private final long[] seeds;
    private final Space actionSpace;
    private final EpisodeStatistics expert;
    private final EpisodeStatistics random;
    private final DemonstrationSet heldOutExpert;
    private final ObservationEncoder policyEncoder;

    /**
     * @param collector runs the episodes
     * @param environments the environment to evaluate in
     * @param expert the expert the policies imitate
     * @param seeds evaluation seeds; use seeds disjoint from those of the training demonstrations
     */
    public Evaluator(RolloutCollector collector, Supplier<? extends Environment> environments, Actor expert, long[] seeds) {
        this(collector, environments, expert, seeds, null);
    }

    /**
     * An evaluator for policies that act on features of the raw observations (a domain's
     * {@link ObservationEncoder}): episodes run in the raw environments, the expert acts on raw
     * observations, and {@link #evaluate(String, Policy)} feeds each policy the encoded observation.
     *
     * @param policyEncoder the policies' feature map, or null when policies see raw observations
     */
    public Evaluator(RolloutCollector collector, Supplier<? extends Environment> environments, Actor expert, long[] seeds,
            ObservationEncoder policyEncoder) {
        if (seeds == null || seeds.length == 0) {
            throw new IllegalArgumentException("evaluation seeds: expected at least 1, found none");
        }
        this.collector = collector;
        this.environments = environments;
        this.policyEncoder = policyEncoder;
        this.seeds = seeds.clone();
        Environment probe = environments.get();
        this.actionSpace = probe.actionSpace();
        List<Trajectory> expertEpisodes = collector.collect(environments, expert, this.seeds);
        this.expert = EpisodeStatistics.of(expertEpisodes);
        this.random = EpisodeStatistics.of(collector.collect(environments, new UniformRandomActor(actionSpace), this.seeds));
        this.heldOutExpert = DemonstrationSet.fromTrajectories(probe.observationSpace(), actionSpace, expertEpisodes);
        if (!(this.expert.meanReturn() > this.random.meanReturn())) {
            throw new IllegalArgumentException("evaluation: the expert's mean return " + this.expert.meanReturn()
                    + " does not exceed the random policy's " + this.random.meanReturn()
                    + " on these seeds, so normalised return is undefined");
        }
    }

    public EpisodeStatistics expertStatistics() {
        return expert;
    }

    public EpisodeStatistics randomStatistics() {
        return random;
    }

    /** The expert's (state, action) pairs on the evaluation seeds. */
    public DemonstrationSet heldOutExpertStates() {
        return heldOutExpert;
    }

    /** Evaluates a learned policy acting greedily (its most likely action), through the policy encoder if there is one. */
    public EvaluationResult evaluate(String name, Policy policy) {
        Actor greedy = policy.deterministic();
        return evaluate(name, policyEncoder == null ? greedy : policyEncoder.actorOnRawObservations(greedy));
    }

    /** Evaluates any actor, acting as it chooses. */
    public EvaluationResult evaluate(String name, Actor actor) {
        EpisodeStatistics stats = EpisodeStatistics.of(collector.collect(environments, actor, seeds));
        double normalized = (stats.meanReturn() - random.meanReturn()) / (expert.meanReturn() - random.meanReturn());
        double[] agreement = agreement(actor, heldOutExpert);
        return new EvaluationResult(name, normalized, stats, agreement[0], agreement[1]);
    }

    /**
     * Action agreement and mean absolute error of an actor against expert labels.
     *
     * @return {agreement, mean absolute error}
     */
    public double[] agreement(Actor actor, DemonstrationSet expertLabels) {
        int n = expertLabels.size();
        int agree = 0;
        double absError = 0;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(0);
        for (int i = 0; i < n; i++) {
            float[] expertAction = expertLabels.action(i);
            float[] action = actor.act(expertLabels.state(i), rng);
            if (actionSpace instanceof Discrete) {
                boolean same = action[0] == expertAction[0];
                agree += same ? 1 : 0;
                absError += same ? 0 : 1;
            } else {
                Box box = (Box) actionSpace;
                boolean all = true;
                double err = 0;
                for (int j = 0; j < action.length; j++) {
                    double diff = Math.abs(action[j] - expertAction[j]);
                    err += diff;
                    double range = Double.isFinite(box.high(j) - box.low(j)) ? box.high(j) - box.low(j) : 2.0;
                    all &= diff <= CONTINUOUS_AGREEMENT_TOLERANCE * range;
                }
                agree += all ? 1 : 0;
                absError += err / action.length;
            }
        }
        return new double[] {agree / (double) n, absError / n};
    }

    /** A report over several results, with the expert and random rows added for reference. */
    public EvaluationReport report(String environment, List<EvaluationResult> results) {
        List<EvaluationResult> rows = new ArrayList<>();
        rows.add(new EvaluationResult("expert", 1.0, expert, 1.0, 0.0));
        rows.add(new EvaluationResult("random", 0.0, random, Double.NaN, Double.NaN));
        rows.addAll(results);
        return new EvaluationReport(environment, seeds.length, rows);
    }
}
