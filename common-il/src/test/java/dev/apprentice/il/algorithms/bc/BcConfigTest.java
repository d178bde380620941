package dev.apprentice.il.algorithms.bc;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.policy.Activation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BcConfigTest {

    private static Arguments invalid(String description, UnaryOperator<BcConfig.Builder> setting, String message) {
        return Arguments.of(description, setting, message);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("no hidden layers", b -> b.hiddenSizes(), "hiddenSizes: expected at least 1 hidden layer, found none"),
                invalid("null hidden layers", b -> b.hiddenSizes((int[]) null), "hiddenSizes: expected at least 1 hidden layer"),
                invalid("zero-width layer", b -> b.hiddenSizes(64, 0), "hiddenSizes[1]: expected a width in [1, 4096], found 0"),
                invalid("negative-width layer", b -> b.hiddenSizes(-3), "hiddenSizes[0]: expected a width in [1, 4096], found -3"),
                invalid("too wide layer", b -> b.hiddenSizes(4097), "hiddenSizes[0]: expected a width in [1, 4096], found 4097"),
                invalid("identity activation", b -> b.activation(Activation.IDENTITY), "activation: expected tanh or relu, found IDENTITY"),
                invalid("no activation", b -> b.activation(null), "activation: expected tanh or relu, found null"),
                invalid("zero epochs", b -> b.epochs(0), "epochs: expected at least 1, found 0"),
                invalid("zero batch size", b -> b.batchSize(0), "batchSize: expected at least 1, found 0"),
                invalid("batch size beyond any allocatable minibatch", b -> b.batchSize(2_000_000_000),
                        "batchSize: expected at most 1000000, found 2000000000"),
                invalid("no engine", b -> b.engine(null), "engine: expected one of auto, plain-java, dl4j, found null"),
                invalid("zero learning rate", b -> b.learningRate(0), "learningRate: expected a finite value > 0, found 0.0"),
                invalid("negative learning rate", b -> b.learningRate(-1e-3), "learningRate: expected a finite value > 0, found -0.001"),
                invalid("NaN learning rate", b -> b.learningRate(Double.NaN), "learningRate: expected a finite value > 0, found NaN"),
                invalid("infinite learning rate", b -> b.learningRate(Double.POSITIVE_INFINITY),
                        "learningRate: expected a finite value > 0, found Infinity"),
                invalid("negative weight decay", b -> b.weightDecay(-1e-4), "weightDecay: expected a finite value >= 0, found -1.0E-4"),
                invalid("NaN weight decay", b -> b.weightDecay(Double.NaN), "weightDecay: expected a finite value >= 0, found NaN"),
                invalid("infinite weight decay", b -> b.weightDecay(Double.POSITIVE_INFINITY), "weightDecay: expected a finite value >= 0, found Infinity"),
                invalid("negative entropy bonus", b -> b.entropyBonus(-0.1), "entropyBonus: expected a finite value >= 0, found -0.1"),
                invalid("NaN entropy bonus", b -> b.entropyBonus(Double.NaN), "entropyBonus: expected a finite value >= 0, found NaN"),
                invalid("variance weighting below 0", b -> b.varianceWeighting(-0.01), "varianceWeighting: expected a value in [0, 1], found -0.01"),
                invalid("variance weighting above 1", b -> b.varianceWeighting(1.5), "varianceWeighting: expected a value in [0, 1], found 1.5"),
                invalid("NaN variance weighting", b -> b.varianceWeighting(Double.NaN), "varianceWeighting: expected a value in [0, 1], found NaN"),
                invalid("negative validation fraction", b -> b.validationFraction(-0.2), "validationFraction: expected a value in [0, 1), found -0.2"),
                invalid("validation fraction 1", b -> b.validationFraction(1), "validationFraction: expected a value in [0, 1), found 1.0"),
                invalid("NaN validation fraction", b -> b.validationFraction(Double.NaN), "validationFraction: expected a value in [0, 1), found NaN"),
                invalid("negative patience", b -> b.patience(-1), "patience: expected 0 (no early stopping) or more epochs, found -1"),
                invalid("patience without validation", b -> b.validationFraction(0).patience(5),
                        "patience: early stopping needs a validation set"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void rejectsInvalidSettingNamingTheField(String description, UnaryOperator<BcConfig.Builder> setting, String message) {
        BcConfig.Builder builder = setting.apply(BcConfig.builder());

        assertRejected(builder::build, message);
    }

    @Test
    void defaultsAreValidAndFollowTheImitationLibrary() {
        BcConfig config = BcConfig.defaults();

        assertArrayEquals(new int[] {64, 64}, config.hiddenSizes());
        assertEquals(Activation.TANH, config.activation());
        assertEquals(1e-3, config.learningRate());
        assertEquals(1e-3, config.entropyBonus());
    }

    @Test
    void acceptsSettingsOnTheEdgesOfTheirRanges() {
        BcConfig config = BcConfig.builder().hiddenSizes(1, 4096).activation(Activation.RELU).epochs(1).batchSize(1)
                .weightDecay(0).entropyBonus(0).varianceWeighting(0).validationFraction(0).patience(0).build();

        assertEquals(0.0, config.validationFraction());
        assertEquals(1.0, BcConfig.builder().varianceWeighting(1).build().varianceWeighting());
        assertEquals(0.999, BcConfig.builder().validationFraction(0.999).build().validationFraction());
    }

    @Test
    void hiddenSizesAreCopiedInAndOut() {
        int[] sizes = {32, 16};
        BcConfig config = BcConfig.builder().hiddenSizes(sizes).build();

        sizes[0] = 0;
        config.hiddenSizes()[1] = 0;

        assertArrayEquals(new int[] {32, 16}, config.hiddenSizes());
    }

    @Test
    void toMapHasEveryFieldOfTheConfiguration() {
        Set<String> fields = Arrays.stream(BcConfig.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toSet());

        assertEquals(fields, BcConfig.defaults().toMap().keySet());
    }

    @Test
    void withSeedChangesOnlyTheSeed() {
        // given
        BcConfig config = BcConfig.builder().hiddenSizes(32, 8).activation(Activation.RELU).epochs(7).batchSize(16)
                .learningRate(3e-4).weightDecay(1e-5).entropyBonus(0.01).varianceWeighting(0.5).validationFraction(0.25)
                .patience(3).seed(99).build();

        // when
        BcConfig reseeded = config.withSeed(7);

        // then
        Map<String, Object> expected = new LinkedHashMap<>(config.toMap());
        expected.put("seed", 7L);
        assertEquals(expected, reseeded.toMap());
        assertEquals(99L, config.seed());
    }

    @Test
    void toMapRecordsTheChosenValues() {
        BcConfig config = BcConfig.builder().hiddenSizes(32, 8).activation(Activation.RELU).epochs(7).batchSize(16)
                .learningRate(3e-4).weightDecay(1e-5).entropyBonus(0.01).varianceWeighting(0.5).validationFraction(0.25)
                .patience(3).seed(99).build();

        Map<String, Object> map = config.toMap();

        assertEquals(List.of(32, 8), map.get("hiddenSizes"));
        assertEquals("relu", map.get("activation"));
        assertEquals(7, map.get("epochs"));
        assertEquals(16, map.get("batchSize"));
        assertEquals(3e-4, map.get("learningRate"));
        assertEquals(1e-5, map.get("weightDecay"));
        assertEquals(0.01, map.get("entropyBonus"));
        assertEquals(0.5, map.get("varianceWeighting"));
        assertEquals(0.25, map.get("validationFraction"));
        assertEquals(3, map.get("patience"));
        assertEquals(99L, map.get("seed"));
        assertEquals(99L, config.seed());
    }
}
