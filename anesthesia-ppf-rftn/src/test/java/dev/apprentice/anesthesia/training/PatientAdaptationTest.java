package dev.apprentice.anesthesia.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.expert.CaseRunner;
import dev.apprentice.anesthesia.expert.ClinicalMetrics;
import dev.apprentice.anesthesia.expert.FixedRateAnaesthesiologist;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import dev.apprentice.il.algorithms.meta.DemonstrationTasks;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatientAdaptationTest {

    private static final AnesthesiaDomain DOMAIN = AnesthesiaDomain.withDefaults();
    private static final AnesthesiaImitation IMITATION = DOMAIN.imitation();
    private final PatientAdaptation experiment = new PatientAdaptation(IMITATION, DOMAIN.envelope(),
            IMITATION.expert("pid"), PatientAdaptation.OPENING_SECONDS);

    @Test
    void theOpeningHoldsTheExpertsDecisionsOfItsFirstMinutesAsFeatures() {
        // given a cohort patient
        Patient patient = PatientCohort.ionescu2008().get(0);

        // when the expert runs the opening
        DemonstrationTasks.Shots opening = experiment.opening(patient, 5);

        // then it holds one decision per 10 s, the first the induction dose, as the policies see them
        assertEquals(PatientAdaptation.OPENING_SECONDS / 10, opening.rows());
        assertEquals(opening.rows() * IMITATION.features().outputSpace().width(), opening.states().length);
        assertEquals(90, opening.actions()[0], 1e-6, "the PID expert's induction rate, mg/kg/h");
    }

    @Test
    void theRestOfTheCaseIsScoredWithoutTheOpening() {
        // given a patient whose whole case the expert runs
        Patient patient = PatientCohort.ionescu2008().get(3);
        var expert = IMITATION.expert("pid");

        // when the rest after an opening of 10 min (induction) is scored
        PatientAdaptation tenMinutes = new PatientAdaptation(IMITATION, DOMAIN.envelope(), expert, 600);
        PatientAdaptation.RestOfCase rest = tenMinutes.rest(patient, 11, expert);

        // then it is the maintenance metrics of the same case
        ClinicalMetrics whole = CaseRunner.run(expert, patient, 11, IMITATION.cases());
        assertEquals(whole.timeInBand(), rest.timeInBand(), 1e-12);
        assertEquals(whole.mdape(), rest.mdape(), 1e-9);
    }

    @Test
    void whoRunsTheRestChangesOnlyTheRest() {
        // given a patient
        Patient patient = PatientCohort.forSeed(42);

        // when the rest is run by the expert and by dosing by weight
        PatientAdaptation.RestOfCase expert = experiment.rest(patient, 42, experiment.expert());
        PatientAdaptation.RestOfCase byWeight = experiment.rest(patient, 42, new FixedRateAnaesthesiologist());

        // then the expert keeps the BIS in band far longer
        assertTrue(expert.timeInBand() > byWeight.timeInBand() + 0.2, expert + " vs " + byWeight);
    }

    @Test
    void everyTrainingCaseIsItsOwnPatientsTask() {
        // given two training cases
        long[] seeds = {3, 4};
        DemonstrationSet raw;
        try (RolloutCollector collector = new RolloutCollector(1, IMITATION.cases().maxDecisions())) {
            raw = collector.demonstrations(IMITATION.rawEnvironments(PatientSource.RANDOM), experiment.expert().actor(), seeds);
        }

        // when grouped by patient
        Map<String, DemonstrationSet> tasks = experiment.tasksByPatient(raw, seeds);

        // then each patient holds their whole case, as features
        assertEquals(List.of("patient-3", "patient-4"), List.copyOf(tasks.keySet()));
        assertEquals(raw.episodeLength(0), tasks.get("patient-3").size());
        assertEquals(IMITATION.features().outputSpace(), tasks.get("patient-4").stateSpace());
        assertThrows(IllegalArgumentException.class, () -> experiment.tasksByPatient(raw, new long[] {3}));
    }

    @Test
    void refusesAnOpeningAsLongAsTheShortestCase() {
        // given the shortest case length
        int shortest = IMITATION.cases().minSeconds();

        // when / then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PatientAdaptation(IMITATION, DOMAIN.envelope(), IMITATION.expert("pid"), shortest));
        assertTrue(e.getMessage().contains("openingSeconds"), e.getMessage());
    }
}
