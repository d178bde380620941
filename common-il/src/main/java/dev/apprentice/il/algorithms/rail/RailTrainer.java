package dev.apprentice.il.algorithms.rail;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.IterationSeeds;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingRun;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.discriminator.Discriminator;
import dev.apprentice.il.discriminator.DiscriminatorMetrics;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.policy.Policy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Randomised adversarial imitation learning (Shin and Kim, "Randomized Adversarial Imitation
 * Learning for Autonomous Driving", IJCAI 2019; "Adversarial Imitation Learning via Random Search",
 * 2019): augmented random search (V2-t) on the policy's parameters, with a GAIL-style
 * discriminator as the only reward. Each iteration runs one {@link ArsOptimizer} step against a
 * snapshot of the current discriminator, then trains the discriminator on the expert's pairs
 * against the pairs those rollouts visited. The environment's own reward is reported
 * ({@code env_return_mean}) but never learnt from. The result is the linear (or MLP) policy with
 * its observation statistics frozen into the normaliser.
 */
public final class RailTrainer implements Trainer {

    /** Safety limit on one rollout's length; environments end their episodes long before. */
    static final int MAX_EPISODE_STEPS = 100_000;
    /**
     * {@link IterationSeeds} purpose of the discriminator's minibatch stream; ARS directions use
     * purposes 0 to {@value ArsConfig#MAX_DIRECTIONS} − 1.
     */
    static final int DISCRIMINATOR_PURPOSE = 1 << 20;
    private static final String DISCRIMINATOR = "discriminator";

    private final RailConfig config;

    public RailTrainer(RailConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("RAIL config is required");
        }
        this.config = config;
    }

    @Override
    public String algorithm() {
        return "rail";
    }

    @Override
    public RailConfig config() {
        return config;
    }

    /**
     * @throws IllegalArgumentException when the task has no environments, or their spaces differ
     *     from the demonstrations'
     */
    @Override
    public TrainingOutcome train(ImitationTask task, TrainingOptions options) {
        long start = System.nanoTime();
        Supplier<? extends Environment> environments = task.environments().orElseThrow(() -> new IllegalArgumentException(
                "RAIL rolls out its policies: expected an imitation task with environments "
                        + "(ImitationTask.withEnvironments), found none"));
        DemonstrationSet expert = task.demonstrations();
        TrainingRun run = new TrainingRun(this, task, options);
        try (ArsOptimizer ars = new ArsOptimizer(config.ars(), environments, MAX_EPISODE_STEPS)) {
            if (!ars.observationSpace().equals(expert.stateSpace()) || !ars.actionSpace().equals(expert.actionSpace())) {
                throw new IllegalArgumentException("environments: expected the demonstrations' spaces "
                        + expert.stateSpace() + " and " + expert.actionSpace() + ", found " + ars.observationSpace()
                        + " and " + ars.actionSpace());
            }
            Discriminator discriminator;
            int first;
            Checkpoint saved = run.resume().orElse(null);
            if (saved == null) {
                discriminator = Discriminator.forExpert(expert, config.discriminator(), config.seed());
                if (config.warmStartEpochs() > 0) {
                    ars.restore(LinearWarmStart.fit(expert, config.ars().intercept(), config.warmStartEpochs()));
                }
                first = 1;
            } else {
                ars.restore(new ArsState(saved.doubles("theta"), (long) saved.getDouble("observation_count"),
                        saved.doubles("observation_mean"), saved.doubles("observation_m2")));
                discriminator = Discriminator.restore(saved, DISCRIMINATOR, expert.stateSpace(), expert.actionSpace(),
                        config.discriminator());
                first = saved.iteration() + 1;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int it = first; it <= config.iterations(); it++) {
                ArsIteration search = ars.step(it, discriminator.reward());
                DemonstrationSet generated = DemonstrationSet.fromTrajectories(expert.stateSpace(), expert.actionSpace(),
                        search.rollouts());
                DiscriminatorMetrics verdict = discriminator.train(expert, generated,
                        IterationSeeds.random(config.seed(), it, DISCRIMINATOR_PURPOSE));
                metrics = new LinkedHashMap<>(verdict.toMap());
                metrics.put("disc_return_mean", search.meanReturn());
                metrics.put("disc_return_max", search.maxReturn());
                metrics.put("env_return_mean", search.environmentReturnMean());
                metrics.put("env_steps_per_second", search.stepsPerSecond());
                run.evaluateIfDue(it, config.iterations(), ars::policy, metrics);
                int iteration = it;
                Discriminator current = discriminator;
                run.endIteration(it, config.iterations(), metrics, () -> checkpoint(run, iteration, ars, current));
            }
            Policy policy = ars.policy();
            return new TrainingOutcome(policy, algorithm(), config, config.iterations(), false, metrics,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static Checkpoint checkpoint(TrainingRun run, int iteration, ArsOptimizer ars, Discriminator discriminator) {
        ArsState state = ars.state();
        Checkpoint c = run.checkpoint(iteration)
                .putDoubles("theta", state.parameters())
                .putDouble("observation_count", state.observationCount())
                .putDoubles("observation_mean", state.observationMean())
                .putDoubles("observation_m2", state.observationM2());
        discriminator.saveTo(c, DISCRIMINATOR);
        return c;
    }
}
