package dev.apprentice.il.algorithms.dagger;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.IterationSeeds;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingRun;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.PolicyCodec;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * DAgger (Ross, Gordon &amp; Bagnell, AISTATS 2011): behaviour cloning on the demonstrations
 * gives the first policy; then each round rolls out a mixture of expert and current policy, asks
 * the expert for the right action in every state visited, adds those labelled states to the
 * dataset and retrains behaviour cloning on the whole aggregate. The learner thereby gets labels
 * for the states its own mistakes lead to, which behaviour cloning never sees.
 *
 * <p>Round i's actor acts, at each step, as the expert with probability β<sub>i</sub> =
 * p<sup>i</sup> and otherwise greedily as the current policy (the way it will be evaluated and
 * served), drawing its coin from the rollout's seeded random stream. Every round retrains from
 * scratch with its own seed, so a round's policy depends only on the aggregate and the seed, and
 * the final policy is the last round's: validation losses of different rounds are measured on
 * different aggregates and cannot pick a best round. One iteration is one round after the initial
 * behaviour cloning; a stop request takes effect at the end of a round.
 */
public final class DaggerTrainer implements Trainer {

    private static final int ROLLOUT_SEEDS = 0;
    private static final int LABELS = 1;
    private static final int BC_FIT = 2;

    private final DaggerConfig config;

    public DaggerTrainer(DaggerConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("DAgger config is required");
        }
        this.config = config;
    }

    @Override
    public String algorithm() {
        return "dagger";
    }

    @Override
    public DaggerConfig config() {
        return config;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the task has no environments or no stateless expert, or its
     *     environments' spaces differ from the demonstrations'
     */
    @Override
    public TrainingOutcome train(ImitationTask task, TrainingOptions options) {
        long start = System.nanoTime();
        Supplier<? extends Environment> environments = task.environments().orElseThrow(() -> new IllegalArgumentException(
                "task: DAgger rolls out its policy in environments, found none; add them with"
                        + " ImitationTask.withEnvironments(factory)"));
        Actor expert = task.expert().orElseThrow(() -> new IllegalArgumentException(
                "task: DAgger asks an expert to label the states its policy visits, found no expert; add one with"
                        + " ImitationTask.withExpert(expert)"));
        if (!expert.stateless()) {
            throw new IllegalArgumentException("task: DAgger asks its expert to label any state the policy visits, but"
                    + " this expert remembers its episodes (Actor.forEpisode returns another actor) and cannot");
        }
        DemonstrationSet demonstrations = task.demonstrations();
        requireSameSpaces(environments.get(), demonstrations);
        TrainingRun run = new TrainingRun(this, task, options);
        Progress state = run.resume().map(c -> Progress.restore(c, demonstrations))
                .orElseGet(() -> new Progress(demonstrations, fit(demonstrations, 0).policy()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        try (RolloutCollector collector = new RolloutCollector(config.rolloutThreads(), config.maxEpisodeSteps())) {
            for (int round = state.round + 1; round <= config.rounds(); round++) {
                metrics = round(round, state, collector, environments, expert);
                Policy current = state.policy;
                run.evaluateIfDue(round, config.rounds(), () -> current, metrics);
                run.endIteration(round, config.rounds(), metrics, () -> state.checkpoint(run));
            }
        }
        return new TrainingOutcome(state.policy, algorithm(), config, config.rounds(), false, metrics,
                (System.nanoTime() - start) / 1e9);
    }

    /** Rolls out round {@code round}'s mixture, aggregates the expert-labelled states and retrains. */
    private Map<String, Double> round(int round, Progress state, RolloutCollector collector,
            Supplier<? extends Environment> environments, Actor expert) {
        Space actionSpace = state.data.actionSpace();
        double beta = config.beta(round);
        MixtureActor actor = new MixtureActor(expert, state.policy, beta, actionSpace);
        long[] seeds = RolloutCollector.seeds(IterationSeeds.mix(config.seed(), round, ROLLOUT_SEEDS),
                config.episodesPerRound());
        long rolloutStart = System.nanoTime();
        List<Trajectory> episodes = collector.collect(environments, actor, seeds);
        double rolloutSeconds = (System.nanoTime() - rolloutStart) / 1e9;

        RandomGenerator labelRandom = IterationSeeds.random(config.seed(), round, LABELS);
        List<Trajectory> labelled = new ArrayList<>(episodes.size());
        long steps = 0;
        double returns = 0;
        for (Trajectory episode : episodes) {
            labelled.add(relabel(episode, expert, labelRandom));
            steps += episode.length();
            returns += episode.totalReward();
        }
        state.add(labelled);
        TrainingOutcome fit = fit(state.data, round);
        state.policy = fit.policy();
        state.round = round;

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("beta", beta);
        metrics.put("aggregate_size", (double) state.data.size());
        metrics.put("rollout_mean_return", returns / episodes.size());
        actor.agreement().ifPresent(a -> metrics.put("expert_agreement_on_rollouts", a));
        metrics.put("env_steps_per_second", steps / rolloutSeconds);
        fit.metrics().forEach((name, value) -> metrics.put("bc_" + name, value));
        return metrics;
    }

    /** Behaviour cloning from scratch on {@code data}, seeded for {@code round}. */
    private TrainingOutcome fit(DemonstrationSet data, int round) {
        BehaviorCloningTrainer bc = new BehaviorCloningTrainer(
                config.bc().withSeed(IterationSeeds.mix(config.seed(), round, BC_FIT)));
        return bc.train(ImitationTask.of(data), TrainingListener.NONE);
    }

    /** The episode's states with the expert's action in each decision state instead of the action taken. */
    private static Trajectory relabel(Trajectory episode, Actor expert, RandomGenerator rng) {
        List<float[]> states = new ArrayList<>(episode.length() + 1);
        List<float[]> labels = new ArrayList<>(episode.length());
        for (int t = 0; t < episode.length(); t++) {
            float[] s = episode.state(t);
            states.add(s);
            labels.add(expert.act(s, rng));
        }
        states.add(episode.state(episode.length()));
        return Trajectory.of(states, labels, null, episode.terminated());
    }

    private static void requireSameSpaces(Environment probe, DemonstrationSet demonstrations) {
        if (!probe.observationSpace().equals(demonstrations.stateSpace())
                || !probe.actionSpace().equals(demonstrations.actionSpace())) {
            throw new IllegalArgumentException("task: the environments observe " + probe.observationSpace()
                    + " and act in " + probe.actionSpace() + ", expected the demonstrations' "
                    + demonstrations.stateSpace() + " and " + demonstrations.actionSpace());
        }
    }

    /**
     * Round i's rollout actor: the expert with probability β per step, else the current policy's
     * greedy action. At the learner's steps it also asks the expert, to count how often the
     * learner chose what the expert would have; the counts are sums, so they do not depend on how
     * episodes are spread over threads.
     */
    private static final class MixtureActor implements Actor {
        private final Actor expert;
        private final Policy learner;
        private final double beta;
        private final Space actionSpace;
        private final LongAdder learnerSteps = new LongAdder();
        private final LongAdder agreements = new LongAdder();

        MixtureActor(Actor expert, Policy learner, double beta, Space actionSpace) {
            this.expert = expert;
            this.learner = learner;
            this.beta = beta;
            this.actionSpace = actionSpace;
        }

        @Override
        public float[] act(float[] observation, RandomGenerator rng) {
            if (rng.nextDouble() < beta) {
                return expert.act(observation, rng);
            }
            float[] action = learner.actDeterministic(observation);
            learnerSteps.increment();
            if (agree(action, expert.act(observation, rng))) {
                agreements.increment();
            }
            return action;
        }

        /** Share of learner steps where the learner agreed with the expert; empty when the expert took every step. */
        OptionalDouble agreement() {
            long n = learnerSteps.sum();
            return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(agreements.sum() / (double) n);
        }

        /** Equal discrete actions, or continuous ones within the evaluator's tolerance in every dimension. */
        private boolean agree(float[] learnerAction, float[] expertAction) {
            if (actionSpace instanceof Discrete) {
                return learnerAction[0] == expertAction[0];
            }
            Box box = (Box) actionSpace;
            for (int j = 0; j < learnerAction.length; j++) {
                double range = box.high(j) - box.low(j);
                if (Math.abs(learnerAction[j] - expertAction[j]) > Evaluator.CONTINUOUS_AGREEMENT_TOLERANCE * range) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The state between rounds, which is what a checkpoint holds: the aggregate (demonstrations
     * followed by every round's labelled rollouts) and the current policy.
     */
    private static final class Progress {
        private final List<Trajectory> labelled = new ArrayList<>();
        DemonstrationSet data;
        Policy policy;
        int round;

        Progress(DemonstrationSet demonstrations, Policy policy) {
            this.data = demonstrations;
            this.policy = policy;
        }

        void add(List<Trajectory> episodes) {
            labelled.addAll(episodes);
            data = data.append(DemonstrationSet.fromTrajectories(data.stateSpace(), data.actionSpace(), episodes));
        }

        /** The labelled rollouts are stored whole (states, labels, episode lengths and ends), the policy as its weights file. */
        Checkpoint checkpoint(TrainingRun run) {
            int sw = data.stateWidth();
            int aw = data.actionWidth();
            int stateCount = 0;
            int labelCount = 0;
            for (Trajectory t : labelled) {
                stateCount += t.length() + 1;
                labelCount += t.length();
            }
            float[] states = new float[stateCount * sw];
            float[] labels = new float[labelCount * aw];
            double[] lengths = new double[labelled.size()];
            double[] terminated = new double[labelled.size()];
            int s = 0;
            int a = 0;
            for (int e = 0; e < labelled.size(); e++) {
                Trajectory t = labelled.get(e);
                for (int step = 0; step <= t.length(); step++, s++) {
                    System.arraycopy(t.state(step), 0, states, s * sw, sw);
                }
                for (int step = 0; step < t.length(); step++, a++) {
                    System.arraycopy(t.action(step), 0, labels, a * aw, aw);
                }
                lengths[e] = t.length();
                terminated[e] = t.terminated() ? 1 : 0;
            }
            return run.checkpoint(round).putBytes("policy", PolicyCodec.encode(policy))
                    .putFloats("labelled_states", states).putFloats("labels", labels)
                    .putDoubles("episode_lengths", lengths).putDoubles("episode_terminated", terminated);
        }

        static Progress restore(Checkpoint c, DemonstrationSet demonstrations) {
            Progress state = new Progress(demonstrations, PolicyCodec.decode(c.bytes("policy")));
            state.round = c.iteration();
            int sw = demonstrations.stateWidth();
            int aw = demonstrations.actionWidth();
            float[] states = c.floats("labelled_states");
            float[] labels = c.floats("labels");
            double[] lengths = c.doubles("episode_lengths");
            double[] terminated = c.doubles("episode_terminated");
            List<Trajectory> episodes = new ArrayList<>(lengths.length);
            int s = 0;
            int a = 0;
            for (int e = 0; e < lengths.length; e++) {
                int length = (int) lengths[e];
                float[] episodeStates = Arrays.copyOfRange(states, s * sw, (s + length + 1) * sw);
                float[] episodeLabels = Arrays.copyOfRange(labels, a * aw, (a + length) * aw);
                episodes.add(new Trajectory(sw, aw, episodeStates, episodeLabels, null, terminated[e] != 0));
                s += length + 1;
                a += length;
            }
            state.add(episodes);
            return state;
        }
    }
}
