package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.meta.NormlConfig.AdvantageSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NoRML's settings: the paper's defaults, and every bad value refused by name. */
class NormlConfigTest {

    @Test
    void defaultsAreThePapersRotateSettings() {
        // when
        NormlConfig config = NormlConfig.defaults();

        // then
        assertEquals(AdvantageSource.LEARNED, config.advantageSource());
        assertEquals(1000, config.metaIterations());
        assertEquals(10, config.tasksPerIteration());
        assertEquals(25, config.rolloutsPerTask());
        assertEquals(10.0, config.innerStepSize());
        assertEquals(6e-3, config.outerLearningRate());
        assertEquals(-0.75, config.initialLogStd());
        assertEquals(0.9, config.discount());
        assertTrue(config.learnOffset());
        assertArrayEquals(new int[] {50, 50}, config.advantageHiddenSizes());
    }

    @Test
    void cartPoleBuilderStartsFromThePapersCartPoleSettings() {
        // when
        NormlConfig config = NormlConfig.cartPoleSensorBuilder().build();

        // then
        assertEquals(7e-4, config.innerStepSize());
        assertEquals(3e-4, config.outerLearningRate());
        assertEquals(-3.5, config.initialLogStd());
        assertEquals(0.97, config.discount());
        assertEquals(500, config.maxEpisodeSteps());
    }

    @Test
    void everySettingAppearsInTheMapModelCardsRecord() {
        // when
        Map<String, Object> map = NormlConfig.builder().advantageSource(AdvantageSource.REWARD).seed(9).build().toMap();

        // then
        assertEquals(List.of("advantageSource", "metaIterations", "tasksPerIteration", "rolloutsPerTask",
                "maxEpisodeSteps", "innerStepSize", "outerLearningRate", "initialLogStd", "discount", "learnOffset",
                "firstOrder", "advantageHiddenSizes", "seed"), List.copyOf(map.keySet()));
        assertEquals("REWARD", map.get("advantageSource"));
        assertEquals(List.of(50, 50), map.get("advantageHiddenSizes"));
        assertEquals(9L, map.get("seed"));
    }

    @Test
    void rejectsBadSettingsNamingTheFieldWhatWasFoundAndWhatWasExpected() {
        assertRejected(() -> NormlConfig.builder().advantageSource(null).build(), "advantageSource", "found null");
        assertRejected(() -> NormlConfig.builder().metaIterations(0).build(), "metaIterations", "at least 1", "found 0");
        assertRejected(() -> NormlConfig.builder().tasksPerIteration(0).build(), "tasksPerIteration", "found 0");
        assertRejected(() -> NormlConfig.builder().rolloutsPerTask(-1).build(), "rolloutsPerTask", "found -1");
        assertRejected(() -> NormlConfig.builder().maxEpisodeSteps(0).build(), "maxEpisodeSteps", "found 0");
        assertRejected(() -> NormlConfig.builder().innerStepSize(-1).build(), "innerStepSize", ">= 0", "found -1.0");
        assertRejected(() -> NormlConfig.builder().outerLearningRate(0).build(), "outerLearningRate", "> 0", "found 0.0");
        assertRejected(() -> NormlConfig.builder().outerLearningRate(Double.NaN).build(), "outerLearningRate", "found NaN");
        assertRejected(() -> NormlConfig.builder().initialLogStd(3).build(), "initialLogStd", "[-5, 2]", "found 3.0");
        assertRejected(() -> NormlConfig.builder().discount(1.5).build(), "discount", "[0, 1]", "found 1.5");
        assertRejected(() -> NormlConfig.builder().advantageHiddenSizes().build(), "advantageHiddenSizes",
                "at least 1 hidden layer");
        assertRejected(() -> NormlConfig.builder().advantageHiddenSizes(50, 600).build(), "advantageHiddenSizes[1]",
                "at most 512", "found 600");
    }
}
