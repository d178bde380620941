package dev.apprentice.il.algorithms.gail;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** GAIL's settings are validated with messages naming the setting, and the defaults are the documented ones. */
class GailConfigTest {

    @Test
    void rejectsInvalidSettingsNamingThem() {
        assertRejected(() -> GailConfig.builder().iterations(0).build(), "iterations: expected at least 1, found 0");
        assertRejected(() -> GailConfig.builder().stepsPerIteration(0).build(), "stepsPerIteration");
        assertRejected(() -> GailConfig.builder().policyHiddenSizes().build(), "policyHiddenSizes");
        assertRejected(() -> GailConfig.builder().policyLearningRate(0).build(), "policyLearningRate", "> 0");
        assertRejected(() -> GailConfig.builder().clipRange(1.5).build(), "clipRange: expected a value in [0.01, 1], found 1.5");
        assertRejected(() -> GailConfig.builder().discount(Double.NaN).build(), "discount: expected a value in [0, 1], found NaN");
        assertRejected(() -> GailConfig.builder().gaeLambda(-0.1).build(), "gaeLambda");
        assertRejected(() -> GailConfig.builder().entropyCoefficient(-1).build(), "entropyCoefficient");
        assertRejected(() -> GailConfig.builder().discriminator(null).build(), "discriminator");
        assertRejected(() -> GailConfig.builder().warmStartEpochs(-1).build(), "warmStartEpochs");
        assertRejected(() -> new GailTrainer(GailConfig.defaults(), 0), "rolloutThreads");
    }

    @Test
    void defaultsFollowGailAndPpo() {
        GailConfig config = GailConfig.defaults();
        assertEquals(0.995, config.discount());
        assertEquals(0.97, config.gaeLambda());
        assertEquals(0.2, config.clipRange());
        assertEquals(10, config.ppoEpochs());
        assertEquals(2048, config.stepsPerIteration());
        assertEquals(0, config.warmStartEpochs());
    }
}
