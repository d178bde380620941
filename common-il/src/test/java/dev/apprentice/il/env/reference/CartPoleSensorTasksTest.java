package dev.apprentice.il.env.reference;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import org.junit.jupiter.api.Test;

/** Cart-pole whose angle sensor is biased per task, with a continuous push. */
class CartPoleSensorTasksTest {

    private final CartPoleSensorTasks tasks = new CartPoleSensorTasks();

    @Test
    void theAngleReadingIsOffByTheTasksBiasAndNothingElseChanges() {
        // given
        Environment biased = tasks.create(9);
        ContinuousCartPoleEnvironment plain = new ContinuousCartPoleEnvironment();
        float bias = (float) tasks.bias(9);

        // when
        float[] a = biased.reset(4);
        float[] b = plain.reset(4);
        StepResult ra = biased.step(new float[] {3.5f});
        StepResult rb = plain.step(new float[] {3.5f});

        // then
        assertTrue(Math.abs(bias) > 0 && Math.abs(bias) <= Math.PI / 18, "bias " + bias);
        assertEquals(b[2] + bias, a[2], 1e-7);
        assertEquals(rb.observation()[2] + bias, ra.observation()[2], 1e-7);
        assertEquals(rb.observation()[0], ra.observation()[0]);
        assertEquals(rb.reward(), ra.reward());
        assertTrue(tasks.observationSpace().contains(ra.observation()));
    }

    @Test
    void theContinuousPushSaturatesAtTheClassicTenNewtons() {
        // given
        ContinuousCartPoleEnvironment strong = new ContinuousCartPoleEnvironment();
        ContinuousCartPoleEnvironment ten = new ContinuousCartPoleEnvironment();
        strong.reset(1);
        ten.reset(1);

        // when
        float[] afterStrong = strong.step(new float[] {250}).observation();
        float[] afterTen = ten.step(new float[] {10}).observation();

        // then
        assertEquals(afterTen[1], afterStrong[1]);
    }

    @Test
    void theSameTaskSeedGivesTheSameBiasAndTheFingerprintNamesTheRange() {
        assertEquals(tasks.bias(3), tasks.bias(3));
        assertTrue(tasks.fingerprint().startsWith("cartpole-sensor-bias(force=continuous,angleBias=uniform[-0.174532"),
                tasks::fingerprint);
    }

    @Test
    void rejectsABiasBeyondAQuarterTurn() {
        assertRejected(() -> new CartPoleSensorTasks(1), "maxBias", "found 1.0");
    }
}
