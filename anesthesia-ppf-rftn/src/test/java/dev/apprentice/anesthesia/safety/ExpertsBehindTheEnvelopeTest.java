package dev.apprentice.anesthesia.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.expert.Anaesthesiologist;
import dev.apprentice.anesthesia.expert.CaseRunner;
import dev.apprentice.anesthesia.expert.CohortMetrics;
import dev.apprentice.anesthesia.expert.PidAnaesthesiologist;
import dev.apprentice.anesthesia.expert.TciAnaesthesiologist;
import dev.apprentice.anesthesia.sim.CaseSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpertsBehindTheEnvelopeTest {

    @Test
    void bothExpertsClampedByTheDefaultEnvelopeStayInsideItAndInTheBand() {
        for (Anaesthesiologist expert : List.of(PidAnaesthesiologist.TUNED, new TciAnaesthesiologist())) {
            // Given the expert behind the default envelope, as a policy is served
            EnvelopeAudit audit = new EnvelopeAudit(expert, new SafetyEnvelope(EnvelopeLimits.DEFAULT, 10));

            // When it runs the cohort
            CohortMetrics cohort = CohortMetrics.of(CaseRunner.cohort(audit, 1, CaseSettings.DEFAULT));

            // Then no clamped rate violates the envelope and the cases stay in the band
            assertTrue(audit.decisions() > 13 * 300, expert.name() + ": " + audit.decisions() + " decisions");
            assertEquals(0, audit.violations(), expert.name());
            assertTrue(cohort.mean().timeInBand() >= 0.85, expert.name() + ": " + cohort.mean().timeInBand());
        }
    }

    @Test
    void theDefaultEnvelopeNeverOverrulesThePidTeacherOnTheCohort() {
        // Given the teacher policies learn from, behind the default envelope
        EnvelopeAudit audit = new EnvelopeAudit(PidAnaesthesiologist.TUNED, new SafetyEnvelope(EnvelopeLimits.DEFAULT, 10));

        // When it runs the cohort
        CaseRunner.cohort(audit, 1, CaseSettings.DEFAULT);

        // Then it was never clamped: what policies learn from it lies inside the envelope
        assertEquals(0, audit.clampedShare(), () -> "clamps by rule: " + audit.sharesByRule());
    }
}
