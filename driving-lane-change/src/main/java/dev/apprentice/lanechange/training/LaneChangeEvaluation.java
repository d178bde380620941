package dev.apprentice.lanechange.training;

import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.policy.UniformRandomActor;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.service.domain.Baseline;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.EvaluationProtocol;
import dev.apprentice.service.domain.MetricSpec;
import dev.apprentice.service.domain.MetricSpec.Direction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lane-change evaluation: the policy drives the raw simulator beside the protocol's expert style
 * on the held-out seeds; normalised return and action agreement from the core's evaluator, the
 * RAIL paper's driving measures from the simulator. Collisions are the safety metric: a new
 * version may collide at most 2 points more often than the safest promoted one.
 */
public final class LaneChangeEvaluation implements DomainEvaluation {

    /** Bump when a metric changes meaning, so that older cards are re-evaluated before comparison. */
    static final String VERSION = "lane-change-eval-v1";

    private static final List<MetricSpec> METRICS = List.of(
            MetricSpec.of("normalizedReturn", "normalised return", null, 3, Direction.HIGHER_IS_BETTER),
            MetricSpec.of("meanReturn", "return", null, 1, Direction.HIGHER_IS_BETTER),
            MetricSpec.safetyLowerIsBetter("collisionRate", "collision rate", "%", 1, 0.02),
            MetricSpec.of("meanSpeed", "mean speed", "m/s", 1, Direction.NEUTRAL),
            MetricSpec.of("laneChangesPerKm", "lane changes / km", null, 2, Direction.NEUTRAL),
            MetricSpec.of("tailgatingShare", "headway < 1 s", "%", 1, Direction.LOWER_IS_BETTER),
            MetricSpec.of("actionAgreement", "agreement", null, 3, Direction.HIGHER_IS_BETTER));

    private final LaneChangeImitation imitation;

    public LaneChangeEvaluation(LaneChangeImitation imitation) {
        this.imitation = imitation;
    }

    @Override
    public List<MetricSpec> metrics() {
        return METRICS;
    }

    @Override
    public String primaryMetric() {
        return "normalizedReturn";
    }

    @Override
    public EvaluationProtocol protocol(long firstSeed, int episodes, String expert) {
        return new EvaluationProtocol(firstSeed, episodes, DriverStyle.byName(expert).name(), VERSION);
    }

    @Override
    public int maxEpisodeSteps() {
        return imitation.road().episodeDecisions();
    }

    @Override
    public Map<String, Double> evaluate(Policy policy, EvaluationProtocol protocol, RolloutCollector collector) {
        long[] seeds = RolloutCollector.seeds(protocol.firstSeed(), protocol.episodes());
        EvaluationResult result = evaluator(protocol, collector).evaluate("policy", policy);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("normalizedReturn", result.normalizedReturn());
        m.put("meanReturn", result.episodes().meanReturn());
        m.putAll(driving(imitation.driver(policy), seeds, collector));
        m.put("actionAgreement", result.actionAgreement());
        return m;
    }

    @Override
    public List<Baseline> baselines(EvaluationProtocol protocol, RolloutCollector collector) {
        long[] seeds = RolloutCollector.seeds(protocol.firstSeed(), protocol.episodes());
        Evaluator evaluator = evaluator(protocol, collector);
        Map<String, Double> expert = new LinkedHashMap<>();
        expert.put("normalizedReturn", 1.0);
        expert.put("meanReturn", evaluator.expertStatistics().meanReturn());
        expert.putAll(driving(imitation.expert(DriverStyle.byName(protocol.expert())), seeds, collector));
        Map<String, Double> random = new LinkedHashMap<>();
        random.put("normalizedReturn", 0.0);
        random.put("meanReturn", evaluator.randomStatistics().meanReturn());
        random.putAll(driving(new UniformRandomActor(LaneChangeDomain.ACTION_SPACE), seeds, collector));
        return List.of(new Baseline("expert (" + protocol.expert() + ")", expert), new Baseline("random", random));
    }

    @Override
    public Optional<Evaluator> progressEvaluator(EvaluationProtocol protocol, RolloutCollector collector) {
        return Optional.of(evaluator(protocol, collector));
    }

    private Evaluator evaluator(EvaluationProtocol protocol, RolloutCollector collector) {
        return imitation.evaluator(collector, DriverStyle.byName(protocol.expert()),
                RolloutCollector.seeds(protocol.firstSeed(), protocol.episodes()));
    }

    private Map<String, Double> driving(Actor driver, long[] seeds, RolloutCollector collector) {
        DrivingMetrics d = DrivingMetrics.measure(imitation.road(), driver, seeds, collector.threads());
        return Map.of("collisionRate", d.collisionRate(), "meanSpeed", d.meanSpeed(), "laneChangesPerKm",
                d.laneChangesPerKm(), "tailgatingShare", d.tailgatingShare());
    }
}
