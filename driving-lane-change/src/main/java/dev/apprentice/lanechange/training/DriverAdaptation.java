package dev.apprentice.lanechange.training;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.meta.FewShotAdaptation;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.algorithms.meta.MetaImitationTrainer;
import dev.apprentice.il.algorithms.meta.PerTaskDemonstrations;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.lanechange.sim.DriverPopulation;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.service.domain.Algorithm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-driver adaptation experiment: does a meta-learned initialisation, adapted on one episode
 * of a driver it has never seen, drive more like that driver than the general policy does?
 *
 * <p>Training drivers are {@link DriverPopulation} ids 0 to N − 1, each with its own expert
 * episodes (driver k: seeds from {@code k · 1000}); held-out drivers are the population's last ids,
 * so the split is by driver, never by sample. Three policies per held-out driver, all on
 * {@link dev.apprentice.lanechange.sim.LaneFeatures}:
 * <ul>
 *   <li>{@code general}: BC on every training driver's demonstrations pooled (the service's usual recipe);</li>
 *   <li>{@code general, fine-tuned}: that policy adapted by the recipe's {@link FewShotAdaptation} on the
 *       held-out driver's one episode;</li>
 *   <li>{@code meta-learned, adapted}: {@link LaneChangeMetaLearning}'s initialisation, meta-trained on the
 *       same training drivers, adapted the same way on the same episode.</li>
 * </ul>
 * Each is scored on the driver's other episodes, the same evaluation seeds for every driver and
 * policy: action agreement with the driver's own expert on the expert's states, and the style
 * measures (mean time headway, lane changes per km, mean speed) when the policy drives, against
 * the driver's expert driving the same seeds.
 */
public final class DriverAdaptation {

    /** Seed of the first evaluation episode (as the report's): no training episode uses it or later ones. */
    static final long EVALUATION_SEED = LaneChangeReport.EVALUATION_SEED;
    /** The held-out driver k adapts on the episode with seed {@code ADAPTATION_SEED + k}. */
    static final long ADAPTATION_SEED = 2_000_000L;
    /** Training driver k's episodes use seeds from {@code k · TRAINING_SEED_STRIDE}. */
    static final long TRAINING_SEED_STRIDE = 1_000L;

    /** Policy names, in table order. */
    public static final List<String> POLICIES = List.of("general", "general, fine-tuned", "meta-learned, adapted");

    /**
     * What to run.
     *
     * @param trainingDrivers population ids 0 to this − 1 are meta-training (and BC) drivers
     * @param episodesPerDriver expert episodes per training driver
     * @param heldOutDrivers the population's last ids, never trained on
     * @param evaluationEpisodes episodes each held-out driver is scored on
     * @param metaIterations meta-iterations, or 0 for the recipe's default
     * @param seed the BC and meta-learning seed
     * @param threads simulators and meta-batch workers in parallel (results do not depend on it)
     */
    public record Settings(int trainingDrivers, int episodesPerDriver, int heldOutDrivers, int evaluationEpisodes,
            int metaIterations, long seed, int threads) {

        public Settings {
            if (trainingDrivers < 2 || heldOutDrivers < 1 || trainingDrivers + heldOutDrivers > DriverPopulation.SIZE) {
                throw new IllegalArgumentException("drivers: expected at least 2 training and 1 held-out driver, together at"
                        + " most " + DriverPopulation.SIZE + ", found " + trainingDrivers + " and " + heldOutDrivers);
            }
            if (episodesPerDriver < 2 || episodesPerDriver > TRAINING_SEED_STRIDE || evaluationEpisodes < 1
                    || metaIterations < 0 || threads < 1) {
                throw new IllegalArgumentException("expected 2-" + TRAINING_SEED_STRIDE + " episodes per driver, 1 or more "
                        + "evaluation episodes, meta-iterations >= 0 and threads >= 1, found " + episodesPerDriver + ", "
                        + evaluationEpisodes + ", " + metaIterations + " and " + threads);
            }
        }
    }

    /** A policy's scores on one held-out driver: agreement with the driver's actions, and its driving. */
    public record Scores(double agreement, DrivingMetrics driving) {
    }

    /** One held-out driver: their settings, their expert's own driving, and each policy's scores by name. */
    public record HeldOutDriver(DriverStyle style, int adaptationSamples, DrivingMetrics expert, Map<String, Scores> policies) {
    }

    /** The experiment's outcome; seconds are wall-clock times of each phase. */
    public record Result(Settings settings, MetaConfig metaConfig, List<HeldOutDriver> drivers, int trainingSamples,
            double bcSeconds, double metaSeconds, double evaluationSeconds) {

        /** A policy's agreement with each held-out driver, in driver order. */
        public double[] agreements(String policy) {
            return drivers.stream().mapToDouble(d -> d.policies().get(policy).agreement()).toArray();
        }
    }

    private DriverAdaptation() {
    }

    /** Runs the experiment; deterministic for the same settings, whatever the thread count. */
    public static Result run(Settings settings) {
        LaneChangeImitation imitation = new LaneChangeImitation();
        LaneChangeMetaLearning recipe = new LaneChangeMetaLearning();
        MetaConfig metaConfig = recipe.config(settings.seed(), settings.threads(), settings.metaIterations());
        FewShotAdaptation adaptation = metaConfig.adaptation();
        long[] evaluationSeeds = RolloutCollector.seeds(EVALUATION_SEED, settings.evaluationEpisodes());
        try (RolloutCollector collector = new RolloutCollector(settings.threads(), imitation.road().episodeDecisions())) {
            Map<String, DemonstrationSet> byDriver = new LinkedHashMap<>();
            DemonstrationSet pooled = null;
            for (int id = 0; id < settings.trainingDrivers(); id++) {
                DriverStyle driver = DriverPopulation.driver(id);
                DemonstrationSet raw = imitation.expertDemonstrations(collector, driver,
                        RolloutCollector.seeds(id * TRAINING_SEED_STRIDE, settings.episodesPerDriver()));
                byDriver.put("sim-" + driver.name(), features(imitation, raw));
                pooled = pooled == null ? raw : pooled.append(raw);
            }

            long start = System.nanoTime();
            MlpPolicy general = (MlpPolicy) imitation.trainer(Algorithm.BC, settings.seed(), settings.threads(), 0)
                    .train(imitation.task(pooled), TrainingListener.NONE).policy();
            double bcSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            MlpPolicy initialisation = (MlpPolicy) new MetaImitationTrainer(metaConfig)
                    .train(ImitationTask.ofTasks(PerTaskDemonstrations.of(byDriver)), TrainingListener.NONE).policy();
            double metaSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            List<HeldOutDriver> heldOut = new ArrayList<>();
            int firstHeldOut = DriverPopulation.SIZE - settings.heldOutDrivers();
            for (int id = firstHeldOut; id < DriverPopulation.SIZE; id++) {
                DriverStyle driver = DriverPopulation.driver(id);
                DemonstrationSet support = features(imitation, imitation.expertDemonstrations(collector, driver,
                        new long[] {ADAPTATION_SEED + id}));
                DemonstrationSet own = features(imitation, imitation.expertDemonstrations(collector, driver, evaluationSeeds));
                Map<String, MlpPolicy> policies = new LinkedHashMap<>();
                policies.put(POLICIES.get(0), general);
                policies.put(POLICIES.get(1), adaptation.adapt(general, support));
                policies.put(POLICIES.get(2), adaptation.adapt(initialisation, support));
                Map<String, Scores> scores = new LinkedHashMap<>();
                policies.forEach((name, policy) -> scores.put(name, new Scores(agreement(policy, own),
                        DrivingMetrics.measure(imitation.road(), imitation.driver(policy), evaluationSeeds, settings.threads()))));
                heldOut.add(new HeldOutDriver(driver, support.size(), DrivingMetrics.measure(imitation.road(),
                        imitation.expert(driver), evaluationSeeds, settings.threads()), scores));
            }
            return new Result(settings, metaConfig, heldOut, pooled.size(), bcSeconds, metaSeconds,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static DemonstrationSet features(LaneChangeImitation imitation, DemonstrationSet raw) {
        return raw.mapStates(imitation.features().outputSpace(), imitation.features()::encode);
    }

    /** Share of the driver's decisions the policy's greedy action matches. */
    static double agreement(MlpPolicy policy, DemonstrationSet driverFeatures) {
        int same = 0;
        for (int i = 0; i < driverFeatures.size(); i++) {
            if (policy.actDeterministic(driverFeatures.state(i))[0] == driverFeatures.action(i)[0]) {
                same++;
            }
        }
        return same / (double) driverFeatures.size();
    }
}
