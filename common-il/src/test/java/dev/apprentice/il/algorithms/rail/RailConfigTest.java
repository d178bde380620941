package dev.apprentice.il.algorithms.rail;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.discriminator.DiscriminatorConfig;
import dev.apprentice.il.discriminator.DiscriminatorObjective;
import dev.apprentice.il.discriminator.RewardForm;
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

class RailConfigTest {

    private static Arguments invalid(String description, UnaryOperator<RailConfig.Builder> setting, String message) {
        return Arguments.of(description, setting, message);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("zero iterations", b -> b.iterations(0), "iterations: expected at least 1, found 0"),
                invalid("zero step size", b -> b.stepSize(0), "stepSize: expected a finite value > 0, found 0.0"),
                invalid("negative step size", b -> b.stepSize(-0.02), "stepSize: expected a finite value > 0, found -0.02"),
                invalid("NaN step size", b -> b.stepSize(Double.NaN), "stepSize: expected a finite value > 0, found NaN"),
                invalid("infinite step size", b -> b.stepSize(Double.POSITIVE_INFINITY),
                        "stepSize: expected a finite value > 0, found Infinity"),
                invalid("zero noise", b -> b.noise(0), "noise: expected a finite value > 0, found 0.0"),
                invalid("NaN noise", b -> b.noise(Double.NaN), "noise: expected a finite value > 0, found NaN"),
                invalid("no directions", b -> b.directions(0), "directions: expected a value in [1, 1024], found 0"),
                invalid("too many directions", b -> b.directions(1025), "directions: expected a value in [1, 1024], found 1025"),
                invalid("no top directions", b -> b.topDirections(0), "topDirections: expected a value in [1, 16], found 0"),
                invalid("more top directions than directions", b -> b.directions(8).topDirections(9),
                        "topDirections: expected a value in [1, 8], found 9"),
                invalid("no rollouts per direction", b -> b.rolloutsPerDirection(0),
                        "rolloutsPerDirection: expected a value in [1, 100], found 0"),
                invalid("too many rollouts per direction", b -> b.rolloutsPerDirection(101),
                        "rolloutsPerDirection: expected a value in [1, 100], found 101"),
                invalid("no policy type", b -> b.policyType(null), "policyType: a value is required, found null"),
                invalid("no hidden layers", b -> b.hiddenSizes(), "hiddenSizes: expected at least 1 hidden layer, found none"),
                invalid("zero-width hidden layer", b -> b.hiddenSizes(16, 0),
                        "hiddenSizes[1]: expected a width in [1, 4096], found 0"),
                invalid("no threads", b -> b.threads(0), "threads: expected a value in [1, 256], found 0"),
                invalid("too many threads", b -> b.threads(257), "threads: expected a value in [1, 256], found 257"),
                invalid("no discriminator", b -> b.discriminator(null), "discriminator: a value is required, found null"),
                invalid("negative warm start", b -> b.warmStartEpochs(-1),
                        "warmStartEpochs: expected at least 0, found -1"),
                invalid("warm start of an MLP", b -> b.warmStartEpochs(10).policyType(ArsConfig.PolicyType.MLP),
                        "warmStartEpochs: the warm start fits a linear policy, found policy type MLP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void rejectsInvalidSettingNamingTheField(String description, UnaryOperator<RailConfig.Builder> setting, String message) {
        RailConfig.Builder builder = setting.apply(RailConfig.builder());

        assertRejected(builder::build, message);
    }

    @Test
    void defaultsFollowAugmentedRandomSearchAndRail() {
        RailConfig config = RailConfig.defaults();

        assertEquals(0.02, config.ars().stepSize());
        assertEquals(0.03, config.ars().noise());
        assertEquals(16, config.ars().directions());
        assertEquals(8, config.ars().topDirections());
        assertEquals(1, config.ars().rolloutsPerDirection());
        assertEquals(ArsConfig.PolicyType.LINEAR, config.ars().policyType());
        assertEquals(100, config.iterations());
        assertEquals(DiscriminatorObjective.LEAST_SQUARES, config.discriminator().objective());
        assertEquals(RewardForm.MINUS_LOG_ONE_MINUS_D, config.discriminator().rewardForm());
        assertEquals(16, config.discriminator().updatesPerIteration());
        assertEquals(1e-3, config.discriminator().learningRate());
    }

    @Test
    void topDirectionsDefaultToHalfTheDirectionsAndAcceptTheirEdges() {
        assertEquals(16, RailConfig.builder().directions(32).build().ars().topDirections());
        assertEquals(1, RailConfig.builder().directions(1).build().ars().topDirections());
        assertEquals(3, RailConfig.builder().directions(7).build().ars().topDirections());
        assertEquals(1024, RailConfig.builder().directions(1024).topDirections(1024).build().ars().topDirections());
        assertEquals(1, RailConfig.builder().topDirections(1).build().ars().topDirections());
    }

    @Test
    void hiddenSizesAreCopiedInAndOut() {
        int[] sizes = {32, 16};
        RailConfig config = RailConfig.builder().hiddenSizes(sizes).build();

        sizes[0] = 0;
        config.ars().hiddenSizes()[1] = 0;

        assertArrayEquals(new int[] {32, 16}, config.ars().hiddenSizes());
    }

    @Test
    void toMapHasEveryArsSettingTheIterationsAndEveryDiscriminatorSetting() {
        Set<String> expected = Stream.concat(
                Stream.of("iterations", "warmStartEpochs", "stepSize", "noise", "directions", "topDirections",
                        "rolloutsPerDirection", "policyType", "hiddenSizes", "intercept", "updateObservationStatistics",
                        "threads", "seed"),
                DiscriminatorConfig.defaults().toMap().keySet().stream().map(k -> "discriminator." + k))
                .collect(Collectors.toSet());

        assertEquals(expected, RailConfig.defaults().toMap().keySet());
    }

    @Test
    void toMapRecordsTheChosenValues() {
        RailConfig config = RailConfig.builder().iterations(7).stepSize(0.01).noise(0.05).directions(32).topDirections(4)
                .rolloutsPerDirection(2).policyType(ArsConfig.PolicyType.MLP).hiddenSizes(8, 4).threads(3)
                .updateObservationStatistics(false)
                .discriminator(DiscriminatorConfig.builder().batchSize(32).build()).seed(99).build();

        Map<String, Object> map = config.toMap();

        assertEquals(7, map.get("iterations"));
        assertEquals(0.01, map.get("stepSize"));
        assertEquals(0.05, map.get("noise"));
        assertEquals(32, map.get("directions"));
        assertEquals(4, map.get("topDirections"));
        assertEquals(2, map.get("rolloutsPerDirection"));
        assertEquals("mlp", map.get("policyType"));
        assertEquals(List.of(8, 4), map.get("hiddenSizes"));
        assertEquals(3, map.get("threads"));
        assertEquals(false, map.get("updateObservationStatistics"));
        assertEquals(true, RailConfig.defaults().ars().updateObservationStatistics());
        assertEquals(32, map.get("discriminator.batchSize"));
        assertEquals("gan", map.get("discriminator.objective"));
        assertEquals(99L, map.get("seed"));
        assertEquals(99L, config.seed());
    }
}
