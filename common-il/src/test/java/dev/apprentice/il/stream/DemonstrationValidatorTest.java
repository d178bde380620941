package dev.apprentice.il.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.spaces.Box;
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
        assertEquals("state[0]: expected a value in [-10.0, 10.0], found 11.0",
                reason(DISCRETE, step("test-arm", new float[] {11, 2, 3, 4}, new float[] {0}, true)));
        assertEquals("action: expected an action index in [0, 2], found 3",
                reason(DISCRETE, step("test-arm", new float[] {1, 2, 3, 4}, new float[] {3}, true)));
        assertEquals("action: expected an action index for Discrete(3), found a vector of 2 floats",
                reason(DISCRETE, step("test-arm", new float[] {1, 2, 3, 4}, new float[] {0, 1}, false)));
        assertEquals("action[1]: expected a value in [-1.0, 1.0], found 1.5",
                reason(CONTINUOUS, step("test-arm", new float[] {1, 2, 3, 4}, new float[] {0, 1.5f}, false)));
        assertEquals("domain: expected 'test-arm', found 'cartpole'",
                reason(DISCRETE, step("cartpole", new float[] {1, 2, 3, 4}, new float[] {0}, true)));
    }

    private static String reason(DemonstrationValidator v, ExpertStep s) {
        return assertThrows(IllegalArgumentException.class, () -> v.validate(s)).getMessage();
    }

    private static ExpertStep step(String domain, float[] state, float[] action, boolean discrete) {
        return new ExpertStep(domain, "s", "e", 0, Instant.EPOCH, state, action, discrete, false, false, null, Map.of());
    }
}
