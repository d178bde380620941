package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.expert.Anaesthesiologist;
import dev.apprentice.anesthesia.expert.CaseRunner;
import dev.apprentice.anesthesia.expert.ClinicalMetrics;
import dev.apprentice.anesthesia.expert.CohortMetrics;
import dev.apprentice.anesthesia.expert.FixedRateAnaesthesiologist;
import dev.apprentice.anesthesia.safety.SafetyEnvelope;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.service.domain.Baseline;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.EvaluationProtocol;
import dev.apprentice.service.domain.MetricSpec;
import dev.apprentice.service.domain.MetricSpec.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Infusion evaluation: the policy, behind the safety envelope exactly as served, runs the held-out
 * cases of the protocol (patients of the published cohort, which training never sees), and is
 * judged by the standard clinical metrics beside the protocol's expert and the fixed-by-weight
 * baseline. Hypotension and envelope violations are safety metrics.
 */
public final class AnesthesiaEvaluation implements DomainEvaluation {

    /** Bump when a metric changes meaning, so that older cards are re-evaluated before comparison. */
    static final String VERSION = "anesthesia-eval-v1";

    /** Varvel's performance errors are percentages of the target BIS already, not shares the page would scale. */
    private static final String PERCENT_OF_TARGET = "% of target";
    private static final List<MetricSpec> METRICS = List.of(
            MetricSpec.of("timeInBand", "BIS 40–60", "%", 1, Direction.HIGHER_IS_BETTER),
            MetricSpec.of("worstTimeInBand", "worst case", "%", 1, Direction.HIGHER_IS_BETTER),
            MetricSpec.safetyLowerIsBetter("hypotension", "MAP < 65", "%", 1, 0.02),
            MetricSpec.safetyLowerIsBetter("envelopeViolations", "envelope violations", null, 0, 0),
            MetricSpec.of("clampedShare", "clamped", "%", 1, Direction.LOWER_IS_BETTER),
            MetricSpec.of("secondsToBis60", "to BIS < 60", "s", 0, Direction.LOWER_IS_BETTER),
            MetricSpec.of("nadir", "nadir", null, 1, Direction.NEUTRAL),
            MetricSpec.of("overshoot", "below 40 in induction", null, 1, Direction.LOWER_IS_BETTER),
            MetricSpec.of("mdpe", "MDPE", PERCENT_OF_TARGET, 1, Direction.NEUTRAL),
            MetricSpec.of("mdape", "MDAPE", PERCENT_OF_TARGET, 1, Direction.LOWER_IS_BETTER),
            MetricSpec.of("wobble", "wobble", PERCENT_OF_TARGET, 1, Direction.LOWER_IS_BETTER),
            MetricSpec.of("propofolMgPerKg", "propofol", "mg/kg", 1, Direction.NEUTRAL),
            MetricSpec.of("remifentanilUgPerKg", "remifentanil", "µg/kg", 1, Direction.NEUTRAL));

    private final AnesthesiaImitation imitation;
    private final SafetyEnvelope envelope;

    public AnesthesiaEvaluation(AnesthesiaImitation imitation, SafetyEnvelope envelope) {
        this.imitation = imitation;
        this.envelope = envelope;
    }

    @Override
    public List<MetricSpec> metrics() {
        return METRICS;
    }

    @Override
    public String primaryMetric() {
        return "timeInBand";
    }

    @Override
    public EvaluationProtocol protocol(long firstSeed, int episodes, String expert) {
        return new EvaluationProtocol(firstSeed, episodes, imitation.expert(expert).name(), VERSION);
    }

    @Override
    public int maxEpisodeSteps() {
        return imitation.cases().maxDecisions();
    }

    @Override
    public Map<String, Double> evaluate(Policy policy, EvaluationProtocol protocol, RolloutCollector collector) {
        GuardedPolicy guarded = new GuardedPolicy("policy", policy, imitation.features(), envelope, null);
        Map<String, Double> m = clinical(guarded, PatientSource.COHORT, seeds(protocol));
        m.put("envelopeViolations", (double) guarded.violations());
        m.put("clampedShare", guarded.clampedShare());
        return m;
    }

    @Override
    public List<Baseline> baselines(EvaluationProtocol protocol, RolloutCollector collector) {
        List<Baseline> out = new ArrayList<>();
        Anaesthesiologist expert = imitation.expert(protocol.expert());
        out.add(new Baseline("expert (" + expert.name() + ")", clinical(expert, PatientSource.COHORT, seeds(protocol))));
        out.add(new Baseline("fixed rates by weight", clinical(new FixedRateAnaesthesiologist(), PatientSource.COHORT,
                seeds(protocol))));
        return out;
    }

    @Override
    public Optional<Evaluator> progressEvaluator(EvaluationProtocol protocol, RolloutCollector collector) {
        return Optional.of(new Evaluator(collector, imitation.rawEnvironments(PatientSource.COHORT),
                imitation.expert(protocol.expert()).actor(), seeds(protocol), imitation.features()));
    }

    /**
     * The clinical metrics of an anaesthesiologist: means over the cases of these seeds and
     * patients, and the lowest time in band of any case ({@code worstTimeInBand}).
     */
    public Map<String, Double> clinical(Anaesthesiologist who, PatientSource patients, long[] seeds) {
        List<ClinicalMetrics> cases = LongStream.of(seeds).parallel()
                .mapToObj(seed -> CaseRunner.run(who, patients.patient(seed), seed, imitation.cases()))
                .toList();
        CohortMetrics cohort = CohortMetrics.of(cases);
        ClinicalMetrics mean = cohort.mean();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("timeInBand", mean.timeInBand());
        m.put("worstTimeInBand", cohort.worstTimeInBand());
        m.put("hypotension", mean.hypotension());
        m.put("secondsToBis60", mean.secondsToBis60());
        m.put("nadir", mean.nadir());
        m.put("overshoot", mean.overshoot());
        m.put("mdpe", mean.mdpe());
        m.put("mdape", mean.mdape());
        m.put("wobble", mean.wobble());
        m.put("propofolMgPerKg", mean.propofolMgPerKg());
        m.put("remifentanilUgPerKg", mean.remifentanilUgPerKg());
        return m;
    }

    private static long[] seeds(EvaluationProtocol protocol) {
        return RolloutCollector.seeds(protocol.firstSeed(), protocol.episodes());
    }
}
