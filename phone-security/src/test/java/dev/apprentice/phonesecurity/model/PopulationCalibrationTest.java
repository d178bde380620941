package dev.apprentice.phonesecurity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PopulationCalibrationTest {

    @Test
    void measuresEverySessionLengthFromCrossFittedPeople() {
        // given 30 people of a known model
        ImitationSettings settings = ImitationSettings.defaults();
        ThresholdLevels levels = PopulationCalibration.measure(TwoCovariancePeople.draw(30, 10, 6, 1, "p"), settings, 3);
        // then every session length up to the maximum is corrected, and longer sessions need no lower thresholds
        assertEquals(settings.maxFusedSamples(), levels.tails().length);
        for (int k = 1; k <= settings.maxFusedSamples(); k++) {
            assertTrue(levels.corrects(k), "length " + k);
        }
        assertTrue(Double.isFinite(levels.standardThreshold(1, settings.targetFar())));
    }

    @Test
    void tooFewPeopleMeansNoCorrection() {
        ThresholdLevels levels = PopulationCalibration.measure(TwoCovariancePeople.draw(5, 10, 6, 1, "p"),
                ImitationSettings.defaults(), 3);
        assertFalse(levels.corrects(1));
    }
}
