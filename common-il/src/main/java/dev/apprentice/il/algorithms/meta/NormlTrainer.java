package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.IterationSeeds;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingRun;
import dev.apprentice.il.algorithms.meta.NormlConfig.AdvantageSource;
import dev.apprentice.il.algorithms.meta.TaskRollouts.Episode;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.spaces.Box;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NoRML, No-Reward Meta Learning (Yang, Caluwaerts, Iscen, Tan and Finn, AAMAS 2019): MAML for RL
 * whose inner (fine-tuning) step uses a learned advantage A_ψ(s, a, s′) instead of rewards, plus a
 * learned offset that lets the exploration policy π_θ differ from the policy the step starts from.
 * Rewards are used only by the outer loop, during meta-training; adapting to a new task
 * ({@link NormlModel#adapt}) needs none. With {@link AdvantageSource#REWARD} (and usually no
 * offset) the same code is MAML for RL, the paper's baseline.
 *
 * <p>Each meta-iteration draws {@link NormlConfig#tasksPerIteration()} tasks; in each it rolls out
 * π_θ, forms θ′ = θ + e + α g(θ, ψ) with g = (1/N) Σ_t A_t ∇θ log π_θ(a_t | s_t), rolls out π_θ′,
 * and estimates the outer gradient G = ∇θ′ J(θ′) = (1/M) Σ_t Â_t ∇θ′ log π_θ′ from the discounted
 * reward-to-go minus a time-indexed baseline. (The reference's outer loss is PPO's clipped
 * objective taken for one step from the sampling policy, where it has exactly this gradient.)
 * Then, averaged over tasks, Adam climbs:
 * <ul>
 *   <li>the offset e by G, since ∂θ′/∂e = I;
 *   <li>ψ by α (1/N) Σ_t (G · ∇θ log π_θ(a_t | s_t)) ∇ψ A_ψ(x_t), exact, since θ′ is linear in
 *       A_ψ's outputs and needs only their first derivatives;
 *   <li>θ by (I + α H) G, H = ∂g/∂θ the inner objective's Hessian (the advantages do not depend
 *       on θ), applied as the central difference (g(θ + hG) − g(θ − hG)) / 2h; with
 *       {@link NormlConfig#firstOrder()} by G alone. As in the reference, the dependence of the
 *       inner rollouts' distribution on θ is not differentiated.
 * </ul>
 *
 * <p>Deviations from the paper: the policy is affine-Gaussian ({@link AffineGaussianPolicy})
 * instead of a 2×50 tanh MLP — on the rotate task the optimal adapted policy, a rotated
 * proportional controller, is affine, and the Hessian-vector products stay cheap — and the inner
 * step size is a fixed scalar (the paper's MAML baseline learns one per parameter).
 *
 * <p>{@link #train} returns the meta policy π_θ, unadapted; {@link #trainModel} returns it with the
 * {@link NormlModel} that adapts it.
 */
public final class NormlTrainer implements Trainer {

    private static final int TASK_PURPOSE = 0;
    /** Relative step of the central difference that applies the inner Hessian. */
    private static final double HESSIAN_STEP = 1e-4;

    private final NormlConfig config;

    public NormlTrainer(NormlConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("NoRML config is required");
        }
        this.config = config;
    }

    /** What meta-training produced: the adaptable model and the usual outcome (its meta policy). */
    public record Result(NormlModel model, TrainingOutcome outcome) {
    }

    @Override
    public String algorithm() {
        return "norml";
    }

    @Override
    public NormlConfig config() {
        return config;
    }

    /**
     * @throws IllegalArgumentException when the task is not a distribution of environments with
     *     continuous actions ({@link ImitationTask#ofTasks} of {@link EnvironmentTasks})
     */
    @Override
    public TrainingOutcome train(ImitationTask task, TrainingOptions options) {
        return trainModel(task, options).outcome();
    }

    /**
     * Meta-trains and returns the model with the outcome; checkpointing, resuming and stopping as
     * for {@link #train}.
     *
     * @throws IllegalArgumentException as {@link #train}
     */
    public Result trainModel(ImitationTask task, TrainingOptions options) {
        long start = System.nanoTime();
        EnvironmentTasks tasks = environmentTasks(task);
        Box observations = tasks.observationSpace();
        Box actions = (Box) tasks.actionSpace();
        TrainingRun run = new TrainingRun(this, task, options);
        MetaParameters state = MetaParameters.initial(config, observations, actions);
        int first = 1;
        Checkpoint saved = run.resume().orElse(null);
        if (saved != null) {
            state = MetaParameters.restore(config, observations, actions, saved);
            first = saved.iteration() + 1;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int it = first; it <= config.metaIterations(); it++) {
            metrics = iterate(it, tasks, state);
            MetaParameters current = state;
            run.evaluateIfDue(it, config.metaIterations(), () -> current.model().metaPolicy(), metrics);
            int iteration = it;
            run.endIteration(it, config.metaIterations(), metrics, () -> current.saveTo(run.checkpoint(iteration)));
        }
        NormlModel model = state.model();
        TrainingOutcome outcome = new TrainingOutcome(model.metaPolicy(), algorithm(), config, config.metaIterations(),
                false, metrics, (System.nanoTime() - start) / 1e9);
        return new Result(model, outcome);
    }

    private static EnvironmentTasks environmentTasks(ImitationTask task) {
        MetaTasks meta = task.metaTasks().orElseThrow(() -> new IllegalArgumentException(
                "NoRML meta-trains on a task distribution: expected ImitationTask.ofTasks(EnvironmentTasks), found "
                        + "a demonstration task"));
        if (!(meta instanceof EnvironmentTasks environments)) {
            throw new IllegalArgumentException("NoRML rolls out environments: expected EnvironmentTasks, found "
                    + meta.getClass().getSimpleName());
        }
        if (!(environments.actionSpace() instanceof Box)) {
            throw new IllegalArgumentException("NoRML's Gaussian policy needs continuous actions: expected a Box action "
                    + "space, found " + environments.actionSpace());
        }
        return environments;
    }

    /** One meta-iteration: inner and outer rollouts in every drawn task, then one Adam step. */
    private Map<String, Double> iterate(int iteration, EnvironmentTasks tasks, MetaParameters state) {
        NormlModel model = state.model();
        AffineGaussianPolicy explorer = model.metaPolicy();
        SplittableRandom draws = IterationSeeds.random(config.seed(), iteration, TASK_PURPOSE);
        double[] gradient = new double[state.size()];
        double preReturn = 0;
        double postReturn = 0;
        double innerStepNorm = 0;
        for (int k = 0; k < config.tasksPerIteration(); k++) {
            Environment environment = tasks.create(draws.nextLong());
            long explorationSeed = draws.nextLong();
            long evaluationSeed = draws.nextLong();
            List<Episode> explored = TaskRollouts.run(environment, explorer, explorationSeed, config.rolloutsPerTask(),
                    config.maxEpisodeSteps(), true);
            double[] innerAdvantages = config.advantageSource() == AdvantageSource.LEARNED
                    ? model.learnedAdvantages(explored)
                    : TaskRollouts.rewardAdvantages(explored, config.discount());
            double[] adaptedParameters = model.adaptedParameters(explored, innerAdvantages);
            AffineGaussianPolicy adapted = model.policyOf(adaptedParameters);
            List<Episode> evaluated = TaskRollouts.run(environment, adapted, evaluationSeed, config.rolloutsPerTask(),
                    config.maxEpisodeSteps(), true);
            double[] outer = TaskRollouts.weightedScore(adapted, evaluated,
                    TaskRollouts.rewardAdvantages(evaluated, config.discount()));
            accumulate(state, explorer, explored, innerAdvantages, outer, gradient);
            preReturn += TaskRollouts.meanReturn(explored);
            postReturn += TaskRollouts.meanReturn(evaluated);
            innerStepNorm += config.innerStepSize() * norm(TaskRollouts.weightedScore(explorer, explored, innerAdvantages));
        }
        int n = config.tasksPerIteration();
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] /= n;
        }
        state.ascend(gradient);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("pre_adaptation_return", preReturn / n);
        metrics.put("post_adaptation_return", postReturn / n);
        metrics.put("adaptation_gain", (postReturn - preReturn) / n);
        metrics.put("inner_step_norm", innerStepNorm / n);
        metrics.put("offset_norm", norm(state.model().offset()));
        metrics.put("meta_gradient_norm", norm(gradient));
        return metrics;
    }

    /** Adds one task's meta-gradient for θ, the offset and ψ, given G = ∇θ′ J(θ′). */
    private void accumulate(MetaParameters state, AffineGaussianPolicy explorer, List<Episode> explored,
            double[] innerAdvantages, double[] outer, double[] gradient) {
        int p = outer.length;
        double[] theta = explorer.parameters();
        for (int i = 0; i < p; i++) {
            gradient[i] += outer[i];
        }
        double outerNorm = norm(outer);
        if (!config.firstOrder() && outerNorm > 0) {
            double h = HESSIAN_STEP / outerNorm;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            for (int i = 0; i < p; i++) {
                plus[i] += h * outer[i];
                minus[i] -= h * outer[i];
            }
            NormlModel model = state.model();
            double[] gPlus = TaskRollouts.weightedScore(model.policyOf(plus), explored, innerAdvantages);
            double[] gMinus = TaskRollouts.weightedScore(model.policyOf(minus), explored, innerAdvantages);
            for (int i = 0; i < p; i++) {
                gradient[i] += config.innerStepSize() * (gPlus[i] - gMinus[i]) / (2 * h);
            }
        }
        if (config.learnOffset()) {
            for (int i = 0; i < p; i++) {
                gradient[p + i] += outer[i];
            }
        }
        if (config.advantageSource() == AdvantageSource.LEARNED) {
            AdvantageNetwork network = state.model().advantageNetwork();
            double[] psi = state.advantage();
            double[] psiGradient = new double[psi.length];
            double scale = config.innerStepSize() / TaskRollouts.steps(explored);
            double[] score = new double[p];
            for (Episode e : explored) {
                for (int t = 0; t < e.length(); t++) {
                    Arrays.fill(score, 0);
                    explorer.addScore(e.observations()[t], e.actions()[t], 1, score);
                    double weight = scale * dot(outer, score);
                    network.addGradient(psi, NormlModel.advantageInput(e, t), weight, psiGradient);
                }
            }
            for (int i = 0; i < psi.length; i++) {
                gradient[2 * p + i] += psiGradient[i];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
