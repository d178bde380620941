package dev.apprentice.anesthesia.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.expert.FixedRateAnaesthesiologist;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.service.domain.Algorithm;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The quality target: each algorithm, trained on 30 simulated cases of the PID-style expert (random
 * patients), served behind the safety envelope, keeps BIS in 40–60 for at least 85 % of
 * maintenance on the 13-patient cohort (never trained on), within 5 points of its teacher, with no
 * envelope violation, no more hypotension than the teacher + 2 points, and far better than dosing by
 * weight. Fixed seeds.
 */
class AnesthesiaLearningTest {

    static final AnesthesiaDomain DOMAIN = AnesthesiaDomain.withDefaults();
    static final AnesthesiaImitation IMITATION = DOMAIN.imitation();
    static final AnesthesiaEvaluation EVALUATION = DOMAIN.clinicalEvaluation();
    static final long[] COHORT = RolloutCollector.seeds(AnesthesiaReport.COHORT_SEED, 13);

    static RolloutCollector collector;
    static DemonstrationSet demonstrations;
    static Map<String, Double> teacher;
    static Map<String, Double> byWeight;

    @BeforeAll
    static void recordTheTeacher() {
        collector = new RolloutCollector(2, IMITATION.cases().maxDecisions());
        demonstrations = collector.demonstrations(IMITATION.rawEnvironments(PatientSource.RANDOM),
                IMITATION.expert("pid").actor(), RolloutCollector.seeds(0, 30));
        teacher = EVALUATION.clinical(IMITATION.expert("pid"), PatientSource.COHORT, COHORT);
        byWeight = EVALUATION.clinical(new FixedRateAnaesthesiologist(), PatientSource.COHORT, COHORT);
    }

    @AfterAll
    static void stop() {
        collector.close();
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"BC", "GAIL", "RAIL"})
    void aLearnedPolicyBehindTheEnvelopeKeepsTheCohortInBandLikeItsTeacher(Algorithm algorithm) {
        // given a policy trained on the teacher's cases
        ImitationTask task = IMITATION.task(demonstrations);
        var outcome = IMITATION.trainer(algorithm, 1, 2, 0).train(task, TrainingOptions.listener(p -> { }));
        GuardedPolicy served = new GuardedPolicy(algorithm.id(), outcome.policy(), IMITATION.features(), DOMAIN.envelope(),
                null);

        // when it runs the cohort's cases
        Map<String, Double> learned = EVALUATION.clinical(served, PatientSource.COHORT, COHORT);

        // then
        String report = algorithm.id() + " " + learned + " teacher " + teacher + " by weight " + byWeight;
        double inBand = learned.get("timeInBand");
        assertTrue(inBand >= 0.85, "at least 85 % of maintenance in BIS 40-60: " + report);
        assertTrue(inBand >= teacher.get("timeInBand") - 0.05, "within 5 points of the teacher: " + report);
        assertTrue(inBand >= byWeight.get("timeInBand") + 0.25, "far better than dosing by weight: " + report);
        assertEquals(0, served.violations(), "no recommendation outside the envelope: " + report);
        assertTrue(learned.get("hypotension") <= teacher.get("hypotension") + 0.02,
                "no more time with MAP < 65 than the teacher + 2 points: " + report);
    }
}
