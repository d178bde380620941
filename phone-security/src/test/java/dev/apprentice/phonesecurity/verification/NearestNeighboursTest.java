package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import static dev.apprentice.phonesecurity.verification.OneFeature.UNIT_BACKGROUND;
import static dev.apprentice.phonesecurity.verification.OneFeature.sample;
import static dev.apprentice.phonesecurity.verification.OneFeature.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    @Test
    void aSampleScoresMinusItsMeanDistanceToTheThreeNearestEnrolmentSamples() {
        VerificationMethod.OwnerScorer owner = new NearestNeighbours().prepare(UNIT_BACKGROUND, 1)
                .enrol(samples("o", 0, 1, 2, 10), 1);

        assertEquals(-2 / 3.0, owner.score(sample("x", 1)), 1e-6, "distances 0, 1, 1; the 9 to 10 is not among the three");
        assertEquals(-4, owner.score(sample("x", 5)), 1e-6, "distances 3, 4, 5");
    }

    @Test
    void distancesAreInBackgroundStandardDeviations() {
        List<FeatureSample> wideBackground = samples("b", -10, 0, 10);
        VerificationMethod.OwnerScorer owner = new NearestNeighbours().prepare(wideBackground, 1)
                .enrol(samples("o", 0, 0, 0), 1);

        assertEquals(-0.5, owner.score(sample("x", 5)), 1e-6, "5 is half the background's standard deviation of 10");
    }

    @Test
    void givenFewerEnrolmentSamplesThanNeighboursThenAllAreUsed() {
        VerificationMethod.OwnerScorer owner = new NearestNeighbours().prepare(UNIT_BACKGROUND, 1).enrol(samples("o", 0, 2), 1);

        assertEquals(-2, owner.score(sample("x", 3)), 1e-6);
    }
}
