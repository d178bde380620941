package dev.apprentice.anesthesia.expert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.sim.CaseSettings;
import org.junit.jupiter.api.Test;

class FixedRateAnaesthesiologistTest {

    @Test
    void dosingByWeightAloneIsClearlyWorseThanThePidExpertOnTheCohort() {
        // Given both on the cohort with the same seeds
        CohortMetrics fixed = CohortMetrics.of(CaseRunner.cohort(new FixedRateAnaesthesiologist(), 1, CaseSettings.DEFAULT));
        CohortMetrics pid = CohortMetrics.of(CaseRunner.cohort(PidAnaesthesiologist.TUNED, 1, CaseSettings.DEFAULT));

        // Then the fixed regimen keeps patients in the band at least 15 points less and misses by more
        assertTrue(fixed.mean().timeInBand() < pid.mean().timeInBand() - 0.15,
                "fixed " + fixed.mean().timeInBand() + " vs pid " + pid.mean().timeInBand());
        assertTrue(fixed.mean().mdape() > pid.mean().mdape(), "MDAPE fixed " + fixed.mean().mdape() + " vs pid "
                + pid.mean().mdape());
    }
}
