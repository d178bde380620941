package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import static dev.apprentice.phonesecurity.verification.OneFeature.UNIT_BACKGROUND;
import static dev.apprentice.phonesecurity.verification.OneFeature.sample;
import static dev.apprentice.phonesecurity.verification.OneFeature.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.phonesecurity.behaviour.Activity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaledManhattanTest {

    @Test
    void givenMeanOneAndDeviationOneThenASampleAtFourScoresMinusThree() {
        VerificationMethod.OwnerScorer owner = new ScaledManhattan().prepare(UNIT_BACKGROUND, 1).enrol(samples("o", 0, 2), 1);

        assertEquals(-3, owner.score(sample("x", 4)), 1e-6);
        assertEquals(0, owner.score(sample("x", 1)), 1e-6);
    }

    @Test
    void eachFeatureIsScaledByTheOwnersOwnDeviation() {
        List<FeatureSample> owner = List.of(
                new FeatureSample("o", Activity.SITTING, new float[] {0, 10}),
                new FeatureSample("o", Activity.SITTING, new float[] {2, 30}));
        List<FeatureSample> background = List.of(
                new FeatureSample("b", Activity.SITTING, new float[] {-5, 0}),
                new FeatureSample("b", Activity.SITTING, new float[] {5, 100}));
        VerificationMethod.OwnerScorer scorer = new ScaledManhattan().prepare(background, 1).enrol(owner, 1);

        // μ = (1, 20), mad = (1, 10): |3 − 1| / 1 + |40 − 20| / 10 = 4.
        assertEquals(-4, scorer.score(new FeatureSample("x", Activity.SITTING, new float[] {3, 40})), 1e-5);
    }

    @Test
    void givenAnOwnerWhoNeverVariedThenScoresStayFiniteAndTheirOwnValueScoresBest() {
        VerificationMethod.OwnerScorer owner = new ScaledManhattan().prepare(UNIT_BACKGROUND, 1).enrol(samples("o", 0.5, 0.5), 1);

        assertEquals(0, owner.score(sample("x", 0.5)), 0);
        assertEquals(-0.5 / ScaledManhattan.DEVIATION_FLOOR, owner.score(sample("x", 1)), 1e-3);
    }
}
