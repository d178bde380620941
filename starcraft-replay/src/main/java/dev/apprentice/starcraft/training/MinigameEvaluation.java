package dev.apprentice.starcraft.training;

import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.service.domain.Baseline;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.EvaluationProtocol;
import dev.apprentice.service.domain.MetricSpec;
import dev.apprentice.service.domain.MetricSpec.Direction;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameSimulation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Minigame evaluation: the policy plays the held-out seeds beside pysc2's scripted agent; normalised
 * score (0 = uniformly random actions, 1 = the scripted agent), mean score and action agreement.
 */
public final class MinigameEvaluation implements DomainEvaluation {

    /** Bump when a metric changes meaning, so that older cards are re-evaluated before comparison. */
    static final String VERSION = "minigame-eval-v1";

    private static final List<MetricSpec> METRICS = List.of(
            MetricSpec.of("normalizedReturn", "normalised score", null, 3, Direction.HIGHER_IS_BETTER),
            MetricSpec.of("meanReturn", "score", null, 1, Direction.HIGHER_IS_BETTER),
            MetricSpec.of("actionAgreement", "agreement", null, 3, Direction.HIGHER_IS_BETTER));

    private final Minigame minigame;

    /** @param minigame the minigame */
    public MinigameEvaluation(Minigame minigame) {
        this.minigame = minigame;
    }

    @Override
    public List<MetricSpec> metrics() {
        return METRICS;
    }

    @Override
    public String primaryMetric() {
        return "normalizedReturn";
    }

    /** @throws IllegalArgumentException for an expert other than the scripted agent */
    @Override
    public EvaluationProtocol protocol(long firstSeed, int episodes, String expert) {
        if (!MinigameSimulation.EXPERT.equals(expert)) {
            throw new IllegalArgumentException("expert: expected '" + MinigameSimulation.EXPERT + "', found '" + expert
                    + "'");
        }
        return new EvaluationProtocol(firstSeed, episodes, expert, VERSION);
    }

    @Override
    public int maxEpisodeSteps() {
        return minigame.maxEpisodeSteps();
    }

    @Override
    public Map<String, Double> evaluate(Policy policy, EvaluationProtocol protocol, RolloutCollector collector) {
        EvaluationResult result = evaluator(protocol, collector).evaluate("policy", policy);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("normalizedReturn", result.normalizedReturn());
        m.put("meanReturn", result.episodes().meanReturn());
        m.put("actionAgreement", result.actionAgreement());
        return m;
    }

    @Override
    public List<Baseline> baselines(EvaluationProtocol protocol, RolloutCollector collector) {
        Evaluator evaluator = evaluator(protocol, collector);
        return List.of(
                new Baseline("expert (pysc2 scripted agent)", Map.of("normalizedReturn", 1.0, "meanReturn",
                        evaluator.expertStatistics().meanReturn())),
                new Baseline("random", Map.of("normalizedReturn", 0.0, "meanReturn",
                        evaluator.randomStatistics().meanReturn())));
    }

    @Override
    public Optional<Evaluator> progressEvaluator(EvaluationProtocol protocol, RolloutCollector collector) {
        return Optional.of(evaluator(protocol, collector));
    }

    private Evaluator evaluator(EvaluationProtocol protocol, RolloutCollector collector) {
        return new Evaluator(collector, minigame::environment, minigame.expert(),
                RolloutCollector.seeds(protocol.firstSeed(), protocol.episodes()), MinigameRecipes.features());
    }
}
