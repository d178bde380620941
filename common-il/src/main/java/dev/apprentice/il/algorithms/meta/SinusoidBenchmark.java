package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.policy.MlpPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sinusoid conformance check of {@link SinusoidTasks}: meta-trains with the paper's settings
 * (40-40 ReLU, α = 0.01, one inner step, K = 10 support and query samples, 25 tasks per batch,
 * Adam 0.001; the reference code's 10-shot command) and measures the mean squared error on
 * held-out sinusoids after 0, 1 and 10 adaptation steps from K samples, on a 100-point grid over
 * [−5, 5]. Used by the conformance tests (small budgets) and the CLI's report.
 */
public final class SinusoidBenchmark {

    /** Adaptation steps the curve reports, as in the paper's figure. */
    public static final int[] STEPS = {0, 1, 10};
    private static final int GRID = 100;

    private SinusoidBenchmark() {
    }

    /**
     * One method's result.
     *
     * @param method the meta-update
     * @param trainingShots K during meta-training
     * @param meanSquaredError held-out error after {@link #STEPS} adaptation steps, by the K adapted on
     * @param trainingSeconds wall time of meta-training
     */
    public record Result(MetaMethod method, int trainingShots, Map<Integer, double[]> meanSquaredError,
            double trainingSeconds) {

        /** The error after 10 steps from {@code shots} samples. */
        public double afterTenSteps(int shots) {
            double[] curve = meanSquaredError.get(shots);
            if (curve == null) {
                throw new IllegalArgumentException("shots: this result was scored at " + meanSquaredError.keySet()
                        + ", not " + shots);
            }
            return curve[curve.length - 1];
        }
    }

    /** The paper's meta-training settings for one method and K; Reptile takes 5 inner steps, the others one. */
    public static MetaConfig config(MetaMethod method, int shots, int iterations, long seed) {
        return MetaConfig.builder().method(method).loss(ImitationLoss.SQUARED_ERROR).hiddenSizes(40, 40)
                .supportShots(shots).queryShots(shots).innerSteps(method == MetaMethod.REPTILE ? 5 : 1)
                .innerLearningRate(0.01).outerLearningRate(1e-3).metaBatchSize(25).adaptationSteps(10)
                .iterations(iterations).seed(seed).build();
    }

    /**
     * Meta-trains under {@link #config} with {@code trainingShots} and scores the result on
     * {@code heldOutTasks} sinusoids drawn from {@code evaluationSeed}, adapting on each of
     * {@code evaluationShots} samples.
     */
    public static Result run(MetaMethod method, int trainingShots, int iterations, long seed, int[] evaluationShots,
            int heldOutTasks, long evaluationSeed, TrainingListener listener) {
        MetaConfig config = config(method, trainingShots, iterations, seed);
        TrainingOutcome outcome = new MetaImitationTrainer(config).train(ImitationTask.ofTasks(new SinusoidTasks()), listener);
        Map<Integer, double[]> mse = new LinkedHashMap<>();
        for (int shots : evaluationShots) {
            mse.put(shots, evaluate((MlpPolicy) outcome.policy(), config.adaptation(), shots, heldOutTasks, evaluationSeed));
        }
        return new Result(method, trainingShots, mse, outcome.seconds());
    }

    /** Mean squared error over held-out sinusoids after each of {@link #STEPS} adaptation steps from {@code shots} samples. */
    public static double[] evaluate(MlpPolicy initialisation, FewShotAdaptation adaptation, int shots, int heldOutTasks,
            long evaluationSeed) {
        SplittableRandom rng = new SplittableRandom(evaluationSeed);
        double[] sums = new double[STEPS.length];
        for (int t = 0; t < heldOutTasks; t++) {
            SinusoidTasks.Sinusoid task = SinusoidTasks.drawTask(rng);
            DemonstrationTasks.Shots support = task.draw(rng, shots);
            DemonstrationTasks.Shots grid = task.grid(GRID);
            for (int s = 0; s < STEPS.length; s++) {
                MlpPolicy adapted = adaptation.withSteps(STEPS[s]).adapt(initialisation, support);
                sums[s] += meanSquaredError(adapted, grid);
            }
        }
        for (int s = 0; s < sums.length; s++) {
            sums[s] /= heldOutTasks;
        }
        return sums;
    }

    private static double meanSquaredError(MlpPolicy policy, DemonstrationTasks.Shots points) {
        double sum = 0;
        for (int i = 0; i < points.rows(); i++) {
            double diff = policy.networkOutput(new float[] {points.states()[i]})[0] - points.actions()[i];
            sum += diff * diff;
        }
        return sum / points.rows();
    }
}
