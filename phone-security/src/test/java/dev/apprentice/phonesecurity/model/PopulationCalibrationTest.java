package dev.apprentice.phonesecurity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void onPeopleOfTheModelItselfEveryPlanFindsAboutTheSameThresholdAndBadPlansAreRefused() {
        // Generated people are real people here, so the corrected 1 % threshold lies near the
        // generated people's own, about 2.3 standard deviations above their mean, whatever the plan (2.3 to 2.5 seen).
        ImitationSettings settings = ImitationSettings.defaults();
        var people = TwoCovariancePeople.draw(30, 12, 6, 1, "p");
        for (PopulationCalibration.Plan plan : java.util.List.of(PopulationCalibration.Plan.DEFAULT,
                new PopulationCalibration.Plan(3, 3, 1), new PopulationCalibration.Plan(2, 2, 2))) {
            double z = PopulationCalibration.measure(people, settings, 5, plan).standardThreshold(1, 0.01);
            assertTrue(z > 1.8 && z < 3.2, plan + ": " + z);
        }
        assertThrows(IllegalArgumentException.class, () -> new PopulationCalibration.Plan(1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PopulationCalibration.Plan(2, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new PopulationCalibration.Plan(2, 1, 0));
        // 3 people per fold at the least
        assertFalse(PopulationCalibration.measure(TwoCovariancePeople.draw(11, 10, 6, 1, "p"), settings, 3,
                new PopulationCalibration.Plan(4, 4, 1)).corrects(1));
    }

    @Test
    void tooFewPeopleMeansNoCorrection() {
        ThresholdLevels levels = PopulationCalibration.measure(TwoCovariancePeople.draw(5, 10, 6, 1, "p"),
                ImitationSettings.defaults(), 3);
        assertFalse(levels.corrects(1));
    }
}
