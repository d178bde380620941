package dev.apprentice.il.algorithms.dagger;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.algorithms.bc.BcConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DaggerConfigTest {

    private static Arguments invalid(String description, UnaryOperator<DaggerConfig.Builder> setting, String message) {
        return Arguments.of(description, setting, message);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("zero rounds", b -> b.rounds(0), "rounds: expected at least 1, found 0"),
                invalid("negative rounds", b -> b.rounds(-2), "rounds: expected at least 1, found -2"),
                invalid("zero episodes per round", b -> b.episodesPerRound(0), "episodesPerRound: expected at least 1, found 0"),
                invalid("beta decay below 0", b -> b.betaDecay(-0.1), "betaDecay: expected a value in [0, 1], found -0.1"),
                invalid("beta decay above 1", b -> b.betaDecay(1.5), "betaDecay: expected a value in [0, 1], found 1.5"),
                invalid("NaN beta decay", b -> b.betaDecay(Double.NaN), "betaDecay: expected a value in [0, 1], found NaN"),
                invalid("no BC settings", b -> b.bc(null), "bc: expected the behaviour cloning settings of each round, found null"),
                invalid("zero rollout threads", b -> b.rolloutThreads(0), "rolloutThreads: expected at least 1, found 0"),
                invalid("zero max episode steps", b -> b.maxEpisodeSteps(0), "maxEpisodeSteps: expected at least 1, found 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void rejectsInvalidSettingNamingTheField(String description, UnaryOperator<DaggerConfig.Builder> setting, String message) {
        // given
        DaggerConfig.Builder builder = setting.apply(DaggerConfig.builder());

        // when / then
        assertRejected(builder::build, message);
    }

    @Test
    void defaultsAreTenRoundsOfTenEpisodesWithBetaHalvingEachRound() {
        // when
        DaggerConfig config = DaggerConfig.defaults();

        // then
        assertEquals(10, config.rounds());
        assertEquals(10, config.episodesPerRound());
        assertEquals(0.5, config.betaDecay());
        assertEquals(BcConfig.defaults().toMap(), config.bc().toMap());
        assertEquals(1, config.rolloutThreads());
        assertEquals(100_000, config.maxEpisodeSteps());
    }

    @Test
    void betaIsTheDecayToThePowerOfTheRoundAndOneInRoundZero() {
        // given
        DaggerConfig config = DaggerConfig.builder().betaDecay(0.5).build();
        DaggerConfig learnerOnly = DaggerConfig.builder().betaDecay(0).build();

        // when / then
        assertEquals(1.0, config.beta(0));
        assertEquals(0.125, config.beta(3));
        assertEquals(1.0, learnerOnly.beta(0));
        assertEquals(0.0, learnerOnly.beta(1));
    }

    @Test
    void acceptsBetaDecayOnTheEdgesOfItsRange() {
        // when / then
        assertEquals(0.0, DaggerConfig.builder().betaDecay(0).build().betaDecay());
        assertEquals(1.0, DaggerConfig.builder().betaDecay(1).build().betaDecay());
    }

    @Test
    void bcSettingsTakeTheDaggerSeed() {
        // given
        BcConfig bc = BcConfig.builder().epochs(7).seed(123).build();

        // when
        DaggerConfig config = DaggerConfig.builder().bc(bc).seed(42).build();

        // then
        assertEquals(42L, config.bc().seed());
        assertEquals(7, config.bc().epochs());
        assertEquals(bc.withSeed(42).toMap(), config.bc().toMap());
    }

    @Test
    void toMapHasEveryFieldOfTheConfiguration() {
        // given
        Set<String> fields = Arrays.stream(DaggerConfig.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .collect(Collectors.toSet());

        // when / then
        assertEquals(fields, DaggerConfig.defaults().toMap().keySet());
    }

    @Test
    void toMapRecordsTheChosenValues() {
        // given
        DaggerConfig config = DaggerConfig.builder().rounds(4).episodesPerRound(6).betaDecay(0.25)
                .bc(BcConfig.builder().epochs(9).build()).rolloutThreads(3).maxEpisodeSteps(1_000).seed(99).build();

        // when
        Map<String, Object> map = config.toMap();

        // then
        assertEquals(4, map.get("rounds"));
        assertEquals(6, map.get("episodesPerRound"));
        assertEquals(0.25, map.get("betaDecay"));
        assertEquals(BcConfig.builder().epochs(9).seed(99).build().toMap(), map.get("bc"));
        assertEquals(3, map.get("rolloutThreads"));
        assertEquals(1_000, map.get("maxEpisodeSteps"));
        assertEquals(99L, map.get("seed"));
        assertEquals(99L, config.seed());
    }
}
