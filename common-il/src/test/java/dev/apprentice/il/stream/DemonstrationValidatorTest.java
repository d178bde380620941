package dev.apprentice.il.stream;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.spaces.Box;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemonstrationValidatorTest {

    private static final DemonstrationValidator DISCRETE = StreamFixtures.VALIDATOR;
    private static final DemonstrationValidator CONTINUOUS =
            new DemonstrationValidator("test-arm", StreamFixtures.STATE_SPACE, Box.uniform(2, -1f, 1f));

    @Test
    void acceptsAStepInsideTheDomainsSpaces() {
        DISCRETE.validate(step("test-arm", new float[] {1, 2, 3, 4}, new float[] {2}, true));
        CONTINUOUS.validate(step("test-arm", new float[] {1, 2, 3, 4}, new float[] {-1f, 1f}, false));
    }

    @Test
    void namesEachKindOfInvalidStep() {
        assertEquals("state[1]: expected a number, found NaN",
                reason(DISCRETE, step("test-arm", new float[] {1, Float.NaN, 3, 4}, new float[] {0}, true)));
        assertEquals("state: expected 4 values, found 5",
                reason(DISCRETE, step("test-arm", new float[] {1, 2, 3, 4, 5}, new float[] {0}, true)));
        assertEquals("state[0]: expected a value in [-10.0, 10.0], found one outside it",
                reason(DISCRETE, step("test-arm", new float[] {11, 2, 3, 4}, new float[] {0}, true)));
        assertEquals("action: expected an action index in [0, 2], found one outside it",
                reason(DISCRETE, step("test-arm", new float[] {1, 2, 3, 4}, new float[] {3}, true)));
        assertEquals("action: expected an action index for Discrete(3), found a vector of 2 floats",
                reason(DISCRETE, step("test-arm", new float[] {1, 2, 3, 4}, new float[] {0, 1}, false)));
        assertEquals("action[1]: expected a value in [-1.0, 1.0], found one outside it",
                reason(CONTINUOUS, step("test-arm", new float[] {1, 2, 3, 4}, new float[] {0, 1.5f}, false)));
        assertEquals("domain: expected 'test-arm', found 'cartpole'",
                reason(DISCRETE, step("cartpole", new float[] {1, 2, 3, 4}, new float[] {0}, true)));
    }

    @Test
    void givenStepsWithDistinctiveValuesOutsideTheSpaces_whenValidated_thenNoReasonQuotesAValue() {
        // given: each vector with one value out of bounds, digits that occur nowhere else in a reason
        ExpertStep badState = step("test-arm", new float[] {1, 2, 3, 47.8125f}, new float[] {0}, true);
        ExpertStep badIndex = step("test-arm", new float[] {1, 2, 3, 4}, new float[] {7}, true);
        ExpertStep fractionalIndex = step("test-arm", new float[] {1, 2, 3, 4}, new float[] {1.5625f}, true);
        ExpertStep badAction = step("test-arm", new float[] {1, 2, 3, 4}, new float[] {0.25f, -6.0625f}, false);
        ExpertStep badFinalState = new ExpertStep("test-arm", "s", "e", 0, Instant.now(), new float[] {1, 2, 3, 4},
                new float[] {0}, true, true, false, new float[] {1, -93.4375f, 3, 4}, Map.of());

        // when
        String state = reason(DISCRETE, badState);
        String index = reason(DISCRETE, badIndex);
        String fraction = reason(DISCRETE, fractionalIndex);
        String action = reason(CONTINUOUS, badAction);
        String finalState = reason(DISCRETE, badFinalState);

        // then
        assertEquals("state[3]: expected a value in [-10.0, 10.0], found one outside it", state);
        assertEquals("action: expected an action index in [0, 2], found one outside it", index);
        assertEquals("action: expected a whole action index, found a fraction", fraction);
        assertEquals("action[1]: expected a value in [-1.0, 1.0], found one outside it", action);
        assertEquals("finalState[1]: expected a value in [-10.0, 10.0], found one outside it", finalState);
    }

    @Test
    void givenTightLimits_whenAStepBreaksEach_thenTheReasonNamesTheFieldTheLimitAndTheValue() {
        // given: episodes up to 50 steps, ids up to 8 characters, events from 2020 to an hour ahead
        Instant earliest = Instant.parse("2020-01-01T00:00:00Z");
        DemonstrationValidator tight = new DemonstrationValidator("test-arm", StreamFixtures.STATE_SPACE,
                StreamFixtures.ACTION_SPACE, new IngestLimits(50, 8, earliest, Duration.ofHours(1)));
        Instant now = Instant.now();

        // when / then
        tight.validate(step("test-arm", "s", "e", 49, now.plusSeconds(3000)));
        assertEquals("step: expected a step index below the domain's maximum episode length 50, found 50",
                reason(tight, step("test-arm", "s", "e", 50, now)));
        assertEquals("source: expected an id of at most 8 characters, found 9 characters",
                reason(tight, step("test-arm", "s".repeat(9), "e", 0, now)));
        assertEquals("episode: expected an id of at most 8 characters, found 9 characters",
                reason(tight, step("test-arm", "s", "e".repeat(9), 0, now)));
        assertEquals("domain: expected an id of at most 8 characters, found 10 characters",
                reason(tight, step("test-arm-x", "s", "e", 0, now)));
        assertEquals("eventTime: expected a time at or after 2020-01-01T00:00:00Z, found 2019-12-31T23:59:59Z",
                reason(tight, step("test-arm", "s", "e", 0, earliest.minusSeconds(1))));
        assertTrue(reason(tight, step("test-arm", "s", "e", 0, now.plusSeconds(7200)))
                .startsWith("eventTime: expected a time at most PT1H after the ingester's clock, so at or before "));
    }

    @Test
    void givenTheDefaultLimits_whenAStepIsFromBefore2000OrADayAhead_thenItIsRefused() {
        assertTrue(reason(DISCRETE, step("test-arm", "s", "e", 0, Instant.EPOCH)).startsWith("eventTime: "));
        assertTrue(reason(DISCRETE, step("test-arm", "s", "e", 0, Instant.now().plus(Duration.ofDays(2))))
                .startsWith("eventTime: "));
        assertTrue(reason(DISCRETE, step("test-arm", "s", "e", IngestLimits.DEFAULT_MAX_EPISODE_STEPS, Instant.now()))
                .startsWith("step: "));
        assertRejected(() -> new IngestLimits(0, 8, Instant.EPOCH, Duration.ZERO), "maxEpisodeSteps", "found 0");
        assertRejected(() -> new IngestLimits(1, 8, Instant.EPOCH, Duration.ofSeconds(-1)), "maxClockSkew",
                "found PT-1S");
    }

    private static ExpertStep step(String domain, String source, String episode, int step, Instant time) {
        return new ExpertStep(domain, source, episode, step, time, new float[] {1, 2, 3, 4}, new float[] {0}, true,
                false, false, null, Map.of());
    }

    private static String reason(DemonstrationValidator v, ExpertStep s) {
        return assertThrows(IllegalArgumentException.class, () -> v.validate(s)).getMessage();
    }

    private static ExpertStep step(String domain, float[] state, float[] action, boolean discrete) {
        return new ExpertStep(domain, "s", "e", 0, Instant.now(), state, action, discrete, false, false, null, Map.of());
    }
}
