package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.meta.NormlConfig.AdvantageSource;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.RewardReplacedEnvironment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.env.reference.CartPoleSensorTasks;
import dev.apprentice.il.env.reference.RotatedPointMassTasks;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The paper's comparison as one call, for reports and the CLI: meta-train NoRML and MAML for RL
 * with the same budget on one task distribution, then score on held-out tasks the unadapted meta
 * policies, NoRML adapted without reward, MAML adapted with reward, and MAML adapted with the
 * reward removed (every reward replaced by 0), which is the situation NoRML is for.
 */
public final class NormlBenchmark {

    /** Episodes scored per held-out task. */
    public static final int EPISODES_PER_TASK = 3;

    private static final long HELD_OUT_SALT = 0x6E6F726D6C486F6CL;

    private NormlBenchmark() {
    }

    /** Outer learning rate of both methods on cart-pole, see {@link Task#norml}. */
    public static final double CARTPOLE_OUTER_LEARNING_RATE = 0.05;
    /** Initial log-std of both methods on cart-pole (the paper's MAML value). */
    public static final double CARTPOLE_LOG_STD = -0.5;

    /** The paper's task distributions, with its settings for NoRML and its MAML baseline. */
    public enum Task {
        /** Point mass with rotated commands, 10 steps, reward −distance to the goal. */
        ROTATE,
        /** Continuous cart-pole with a biased angle sensor, reward 1 per balanced step. */
        CARTPOLE_SENSOR;

        /** The task distribution. */
        public EnvironmentTasks tasks() {
            return this == ROTATE ? new RotatedPointMassTasks() : new CartPoleSensorTasks();
        }

        /**
         * NoRML's settings: the paper's, except on cart-pole an outer learning rate of
         * {@value #CARTPOLE_OUTER_LEARNING_RATE} and initial log-std {@value #CARTPOLE_LOG_STD}
         * for both methods. The paper's 3e-4 and −3.5 suit its MLP; the affine policy here acts on
         * raw states and needs gains near 10, which 3e-4 per step does not reach in 1000 steps.
         */
        public NormlConfig norml(int metaIterations, long seed) {
            NormlConfig.Builder b = this == ROTATE ? NormlConfig.builder().maxEpisodeSteps(RotatedPointMassTasks.PAPER_HORIZON)
                    : NormlConfig.cartPoleSensorBuilder().outerLearningRate(CARTPOLE_OUTER_LEARNING_RATE)
                            .initialLogStd(CARTPOLE_LOG_STD);
            return b.metaIterations(metaIterations).seed(seed).build();
        }

        /**
         * MAML's settings: reward advantages, no offset, and the paper's MAML inner step size (its
         * per-parameter learned step size is a fixed scalar here); on rotate the paper's learning
         * rate and initial log-std, on cart-pole the same ones as NoRML's.
         */
        public NormlConfig maml(int metaIterations, long seed) {
            NormlConfig.Builder b = this == ROTATE
                    ? NormlConfig.builder().maxEpisodeSteps(RotatedPointMassTasks.PAPER_HORIZON).innerStepSize(0.02)
                            .outerLearningRate(7e-3).initialLogStd(-3)
                    : NormlConfig.cartPoleSensorBuilder().innerStepSize(1e-2).outerLearningRate(CARTPOLE_OUTER_LEARNING_RATE)
                            .initialLogStd(CARTPOLE_LOG_STD);
            return b.advantageSource(AdvantageSource.REWARD).learnOffset(false).metaIterations(metaIterations).seed(seed)
                    .build();
        }
    }

    /**
     * Mean undiscounted returns on held-out tasks.
     *
     * @param task the distribution's name
     * @param heldOutTasks tasks scored, none of them drawn in meta-training
     * @param normlUnadapted NoRML's meta policy, unadapted
     * @param normlAdapted NoRML adapted without reward
     * @param mamlUnadapted MAML's meta policy, unadapted
     * @param mamlAdaptedWithReward MAML adapted with the task's reward
     * @param mamlRewardRemoved MAML adapted with every reward replaced by 0
     * @param seconds wall time of both meta-trainings and the scoring
     */
    public record Figures(String task, int heldOutTasks, double normlUnadapted, double normlAdapted, double mamlUnadapted,
            double mamlAdaptedWithReward, double mamlRewardRemoved, double seconds) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s over %d held-out tasks: NoRML unadapted %.3f, adapted %.3f; MAML unadapted "
                    + "%.3f, adapted with reward %.3f, reward removed %.3f (%.1f s)", task, heldOutTasks, normlUnadapted,
                    normlAdapted, mamlUnadapted, mamlAdaptedWithReward, mamlRewardRemoved, seconds);
        }
    }

    /** Runs {@code task} with the paper's settings for {@code metaIterations} meta-iterations. */
    public static Figures run(Task task, int metaIterations, int heldOutTasks, long seed) {
        return run(task.name().toLowerCase(Locale.ROOT), task.tasks(), task.norml(metaIterations, seed),
                task.maml(metaIterations, seed), heldOutTasks, seed);
    }

    /**
     * Meta-trains {@code norml} and {@code maml} on {@code tasks} and scores both on
     * {@code heldOutTasks} tasks drawn from {@code seed}, each policy acting by its mean action for
     * {@value #EPISODES_PER_TASK} episodes per task.
     *
     * @throws IllegalArgumentException when {@code norml} does not learn its advantage,
     *     {@code maml} does not use rewards, or {@code heldOutTasks} is below 1
     */
    public static Figures run(String name, EnvironmentTasks tasks, NormlConfig norml, NormlConfig maml, int heldOutTasks,
            long seed) {
        if (norml.advantageSource() != AdvantageSource.LEARNED || maml.advantageSource() != AdvantageSource.REWARD) {
            throw new IllegalArgumentException("benchmark: expected a LEARNED NoRML config and a REWARD MAML config, found "
                    + norml.advantageSource() + " and " + maml.advantageSource());
        }
        if (heldOutTasks < 1) {
            throw new IllegalArgumentException("heldOutTasks: expected at least 1, found " + heldOutTasks);
        }
        long start = System.nanoTime();
        ImitationTask task = ImitationTask.ofTasks(tasks);
        TrainingOptions quiet = TrainingOptions.listener(TrainingListener.NONE);
        NormlModel normlModel = new NormlTrainer(norml).trainModel(task, quiet).model();
        NormlModel mamlModel = new NormlTrainer(maml).trainModel(task, quiet).model();
        double[] sums = new double[5];
        SplittableRandom draws = new SplittableRandom(seed ^ HELD_OUT_SALT);
        for (int i = 0; i < heldOutTasks; i++) {
            long taskSeed = draws.nextLong();
            long adaptSeed = draws.nextLong();
            long episodeSeed = draws.nextLong();
            sums[0] += meanReturn(normlModel.metaPolicy(), tasks.create(taskSeed), episodeSeed, EPISODES_PER_TASK);
            sums[1] += meanReturn(normlModel.adapt(tasks.create(taskSeed), adaptSeed), tasks.create(taskSeed), episodeSeed,
                    EPISODES_PER_TASK);
            sums[2] += meanReturn(mamlModel.metaPolicy(), tasks.create(taskSeed), episodeSeed, EPISODES_PER_TASK);
            sums[3] += meanReturn(mamlModel.adaptWithRewards(tasks.create(taskSeed), adaptSeed), tasks.create(taskSeed),
                    episodeSeed, EPISODES_PER_TASK);
            sums[4] += meanReturn(mamlModel.adaptWithRewards(new RewardReplacedEnvironment(tasks.create(taskSeed), 0), adaptSeed),
                    tasks.create(taskSeed), episodeSeed, EPISODES_PER_TASK);
        }
        return new Figures(name, heldOutTasks, sums[0] / heldOutTasks, sums[1] / heldOutTasks, sums[2] / heldOutTasks,
                sums[3] / heldOutTasks, sums[4] / heldOutTasks, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The mean undiscounted return of {@code policy} acting by its most likely action for
     * {@code episodes} episodes, reset seeds drawn from {@code seed}.
     */
    public static double meanReturn(Policy policy, Environment environment, long seed, int episodes) {
        SplittableRandom resets = new SplittableRandom(seed);
        double total = 0;
        for (int e = 0; e < episodes; e++) {
            float[] observation = environment.reset(resets.nextLong());
            StepResult result;
            do {
                result = environment.step(policy.actDeterministic(observation));
                total += result.reward();
                observation = result.observation();
            } while (!result.done());
        }
        return total / episodes;
    }
}
