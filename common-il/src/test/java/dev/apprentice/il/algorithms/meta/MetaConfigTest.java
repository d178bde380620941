package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.policy.Activation;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetaConfigTest {

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("no method", (UnaryOperator<MetaConfig.Builder>) b -> b.method(null),
                        "method: a value is required, found null"),
                Arguments.of("zero iterations", (UnaryOperator<MetaConfig.Builder>) b -> b.iterations(0),
                        "iterations: expected at least 1, found 0"),
                Arguments.of("empty meta-batch", (UnaryOperator<MetaConfig.Builder>) b -> b.metaBatchSize(0),
                        "metaBatchSize: expected a value in [1, 10000], found 0"),
                Arguments.of("huge meta-batch", (UnaryOperator<MetaConfig.Builder>) b -> b.metaBatchSize(10_001),
                        "metaBatchSize: expected a value in [1, 10000], found 10001"),
                Arguments.of("no support shots", (UnaryOperator<MetaConfig.Builder>) b -> b.supportShots(0),
                        "supportShots: expected a value in [1, 100000], found 0"),
                Arguments.of("no query shots", (UnaryOperator<MetaConfig.Builder>) b -> b.queryShots(0),
                        "queryShots: expected a value in [1, 100000], found 0"),
                Arguments.of("no inner steps", (UnaryOperator<MetaConfig.Builder>) b -> b.innerSteps(0),
                        "innerSteps: expected a value in [1, 10000], found 0"),
                Arguments.of("Reptile with one inner step",
                        (UnaryOperator<MetaConfig.Builder>) b -> b.method(MetaMethod.REPTILE).innerSteps(1),
                        "innerSteps: Reptile needs at least 2 inner steps, found 1"),
                Arguments.of("NaN inner step", (UnaryOperator<MetaConfig.Builder>) b -> b.innerLearningRate(Double.NaN),
                        "innerLearningRate: expected a finite value > 0, found NaN"),
                Arguments.of("zero outer step", (UnaryOperator<MetaConfig.Builder>) b -> b.outerLearningRate(0),
                        "outerLearningRate: expected a finite value > 0, found 0.0"),
                Arguments.of("negative adaptation steps", (UnaryOperator<MetaConfig.Builder>) b -> b.adaptationSteps(-1),
                        "adaptationSteps: expected at least 0, found -1"),
                Arguments.of("unbounded adaptation", (UnaryOperator<MetaConfig.Builder>) b -> b.adaptationSteps(10_001),
                        "adaptationSteps: expected at most 10000, found 10001"),
                Arguments.of("identity hidden layers", (UnaryOperator<MetaConfig.Builder>) b -> b.activation(Activation.IDENTITY),
                        "activation: expected tanh or relu, found IDENTITY"),
                Arguments.of("no hidden layer", (UnaryOperator<MetaConfig.Builder>) b -> b.hiddenSizes(),
                        "hiddenSizes: expected at least 1 hidden layer, found none"),
                Arguments.of("variance weighting above 1", (UnaryOperator<MetaConfig.Builder>) b -> b.varianceWeighting(2),
                        "varianceWeighting: expected a value in [0, 1], found 2.0"),
                Arguments.of("no threads", (UnaryOperator<MetaConfig.Builder>) b -> b.threads(0),
                        "threads: expected a value in [1, 256], found 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void rejectsInvalidSettingNamingIt(String description, UnaryOperator<MetaConfig.Builder> setting, String message) {
        assertRejected(() -> setting.apply(MetaConfig.builder()).build(), message);
    }

    @Test
    void defaultsAreThoseOfMamlRegression() {
        // when
        MetaConfig config = MetaConfig.builder().build();

        // then
        assertEquals(MetaMethod.MAML, config.method());
        assertEquals(List.of(40, 40), config.toMap().get("hiddenSizes"));
        assertEquals(0.01, config.innerLearningRate());
        assertEquals(1e-3, config.outerLearningRate());
        assertEquals(25, config.metaBatchSize());
        assertEquals(10, config.adaptation().steps());
    }

    @Test
    void threadCountIsNotAResultSetting() {
        // given
        MetaConfig one = MetaConfig.builder().threads(1).build();
        MetaConfig two = MetaConfig.builder().threads(2).build();

        // when
        Map<String, Object> settings = two.resultSettings();

        // then
        assertEquals(one.resultSettings(), settings);
        assertFalse(settings.containsKey("threads"));
        assertTrue(two.toMap().containsKey("threads"));
        assertEquals("maml", settings.get("method"));
    }

    @Test
    void toBuilderKeepsEverySetting() {
        MetaConfig config = MetaConfig.builder().method(MetaMethod.REPTILE).hiddenSizes(8).activation(Activation.TANH)
                .iterations(7).metaBatchSize(3).supportShots(4).queryShots(6).innerSteps(3).innerLearningRate(0.2)
                .outerLearningRate(0.01).adaptationSteps(12).entropyBonus(0.1).varianceWeighting(0.5).threads(2).seed(9)
                .build();
        assertEquals(config.toMap(), config.toBuilder().build().toMap());
        assertEquals("fomaml", config.toBuilder().method(MetaMethod.FIRST_ORDER_MAML).build().toMap().get("method"));
    }

    @Test
    void methodsParseFromTheirCardNames() {
        for (MetaMethod m : MetaMethod.values()) {
            assertEquals(m, MetaMethod.parse(m.algorithmName()));
        }
        assertEquals(MetaMethod.FIRST_ORDER_MAML, MetaMethod.parse("first-order-maml"));
        assertRejected(() -> MetaMethod.parse("mamba"), "expected one of maml, fomaml, reptile, pretrained, found 'mamba'");
    }
}
