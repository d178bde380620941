package dev.apprentice.starcraft.demonstration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.starcraft.replay.Player;
import dev.apprentice.starcraft.replay.ProtocolLibrary;
import dev.apprentice.starcraft.replay.Replay;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayDemonstrationsTest {
    static final Path REPLAYS = Path.of(System.getProperty("apprentice.sc2.replays.dir", "../../shared/data/sc2/replays"));
    static final Path PROTOCOLS = Path.of(System.getProperty("apprentice.sc2.protocol.dir",
            "../../shared/data/sc2/protocol"));
    static ProtocolLibrary tables;
    static ReplayCorpus corpus;

    @BeforeAll
    static void load() {
        tables = ProtocolLibrary.fromDirectory(PROTOCOLS);
        corpus = ReplayCorpus.load(tables, REPLAYS);
    }

    @Test
    void everyReplayWithTrackerEventsGivesOneEpisodePerPlayer() {
        assertEquals(16, corpus.replays(), "the 16 real replays are read");
        assertEquals(List.of("invalid.SC2Replay"), List.copyOf(corpus.refused().keySet()));
        long replaysWithPlayers = corpus.players().stream().map(PlayerDemonstrations::replay).distinct().count();
        assertEquals(12, replaysWithPlayers, "the 12 replays from game 2.0.8 on carry tracker events");
        assertEquals(36, corpus.players().size());
        assertEquals(2, corpus.players().stream().filter(p -> !p.human()).count(), "two computer opponents");
    }

    @Test
    void aReplayWithoutTrackerEventsGivesNoDemonstrations() {
        Replay replay = Replay.open(tables, REPLAYS.resolve("b17326-Azure_vs_BillyMays_10803.SC2Replay"));

        assertTrue(ReplayDemonstrations.extract(replay, "b17326").isEmpty());
    }

    @Test
    void productionsBelongToThePlayersRaceAndStatesLieInTheirSpace() {
        for (PlayerDemonstrations player : corpus.players()) {
            long previousLoop = 0;
            for (ProductionStep step : player.steps()) {
                assertEquals(player.race(), ProductionCatalog.race(step.production()), player.playerName());
                assertEquals(player.race(), ProductionFeatures.race(step.state()));
                assertTrue(ProductionFeatures.space().contains(step.state()), "state in [0, 1]");
                assertTrue(step.gameLoop() >= previousLoop, "productions in game order");
                assertTrue(step.commandCell() >= -1 && step.commandCell() < ProductionFeatures.GRID * ProductionFeatures.GRID);
                previousLoop = step.gameLoop();
            }
            assertTrue(ProductionFeatures.space().contains(player.finalState()));
        }
    }

    @Test
    void theRaceOfTheStartingUnitsAgreesWithTheDetails() {
        for (String name : List.of("b64469-2018-12-01_P_Calm_VS_T_Aggression.SC2Replay",
                "b70154-2018_11_20_Z_Railgan_VS_T_IIIIIIIIIIII.SC2Replay", "wol.SC2Replay")) {
            Replay replay = Replay.open(tables, REPLAYS.resolve(name));
            List<Player> listed = replay.details().players();
            for (PlayerDemonstrations player : ReplayDemonstrations.extract(replay, name)) {
                assertEquals(listed.get(player.playerId() - 1).race().toUpperCase(Locale.ROOT), player.race().name());
                assertEquals(listed.get(player.playerId() - 1).name(), player.playerName());
            }
        }
    }

    @Test
    void theStateShowsTheLastTwoProductionsAndHumansCommandsHaveCells() {
        PlayerDemonstrations calm = corpus.players().stream()
                .filter(p -> p.replay().startsWith("b64469") && p.playerName().equals("Calm")).findFirst().orElseThrow();
        List<ProductionStep> steps = calm.steps();
        int last = ProductionFeatures.policyFeatureIndices().length - 2 * ProductionCatalog.size();

        float[] third = new dev.apprentice.starcraft.training.ProductionEncoder().encode(steps.get(2).state());

        assertEquals(1f, third[last + steps.get(1).production()], "last production one-hot");
        assertEquals(1f, third[last + ProductionCatalog.size() + steps.get(0).production()], "previous production one-hot");
        assertTrue(steps.stream().allMatch(s -> s.commandCell() >= 0), "a human's next command is always found");
        assertEquals("Probe", ProductionCatalog.name(steps.get(0).production()), "a Protoss opens with a probe");
    }
}
