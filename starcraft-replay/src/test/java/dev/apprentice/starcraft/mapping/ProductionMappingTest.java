package dev.apprentice.starcraft.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.AvroModels;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.starcraft.demonstration.ProductionCatalog;
import dev.apprentice.starcraft.demonstration.ProductionFeatures;
import dev.apprentice.starcraft.demonstration.ReplayIds;
import dev.apprentice.starcraft.demonstration.ReplayReader;
import dev.apprentice.starcraft.demonstration.ReplayReader.DecodedReplay;
import dev.apprentice.starcraft.schema.ProductionDemonstration;
import dev.apprentice.starcraft.schema.RaceSymbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production record and request mappings, on a real replay's games. */
class ProductionMappingTest {

    private static DecodedReplay replay;
    private final ProductionRecords records = new ProductionRecords("starcraft");

    @BeforeAll
    static void read() throws Exception {
        AvroModels.trust(ProductionDemonstration.getClassSchema());
        ReplayReader reader = new ReplayReader(Optional.of(Path.of(System.getProperty("apprentice.sc2.protocol.dir"))));
        replay = reader.read(Files.readAllBytes(Path.of(System.getProperty("apprentice.sc2.replays.dir"),
                "b64469-2018-12-01_P_Calm_VS_T_Aggression.SC2Replay")));
    }

    @Test
    void aGameBecomesOneEpisodeWhoseStepsSurviveTheRecordUnchanged() {
        List<ExpertStep> steps = records.steps(replay.id(), 64469, replay.startedAt(), replay.players().get(0));

        assertTrue(steps.size() > 50, "productions: " + steps.size());
        assertEquals(1, steps.stream().map(ExpertStep::episode).distinct().count());
        assertEquals(replay.id() + "/p" + replay.players().get(0).playerId(), steps.get(0).episode());
        assertTrue(steps.get(steps.size() - 1).terminal() && steps.get(steps.size() - 1).finalState() != null);
        assertTrue(steps.get(1).eventTime().isAfter(replay.startedAt()), "event times follow the game loops");
        for (ExpertStep step : steps) {
            ExpertStep back = records.toStep(records.fromStep(step));
            assertArrayEquals(step.state(), back.state());
            assertArrayEquals(step.action(), back.action());
            assertEquals(step.metadata(), back.metadata());
            assertEquals(step.eventTime(), back.eventTime());
            assertEquals(step.source(), back.source());
        }
    }

    @Test
    void aRecordNamingAnUnknownProductionOrTheWrongRaceIsRefused() {
        ProductionDemonstration good = records.fromStep(records.steps(replay.id(), 64469, replay.startedAt(),
                replay.players().get(0)).get(3));
        ProductionDemonstration unknown = ProductionDemonstration.newBuilder(good).setProduction("Dragoon").build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> records.toStep(unknown)).getMessage()
                .startsWith("production: expected one of the catalogue's " + ProductionCatalog.size()));
        RaceSymbol other = good.getRace() == RaceSymbol.ZERG ? RaceSymbol.TERRAN : RaceSymbol.ZERG;
        ProductionDemonstration wrongRace = ProductionDemonstration.newBuilder(good).setRace(other).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> records.toStep(wrongRace)).getMessage()
                .startsWith("state: its race one-hot says"));
    }

    @Test
    void aStateInGameUnitsIsEncodedLikeTheReplaysOwnState() throws Exception {
        JsonNode body = new ObjectMapper().readTree("""
                {"race": "zerg", "opponents": ["protoss"], "game_loop": 13440, "minerals": 4000, "vespene": 100,
                 "mineral_rate": 1500, "vespene_rate": 300, "workers": 40, "supply_used": 80, "supply_made": 100,
                 "produced": {"Drone": 30, "Hatchery": 2}, "recent": ["Overlord", "Drone"]}""");

        float[] state = new ProductionRequests().observation(body, "");

        assertEquals(ProductionFeatures.width(), state.length);
        assertEquals(10 / 30.0, state[ProductionFeatures.featureNames().indexOf("minutes/30")], 1e-6);
        assertEquals(1f, state[ProductionFeatures.featureNames().indexOf("minerals/2000")], "clamped at 1");
        assertEquals(1f, state[ProductionFeatures.featureNames().indexOf("last.Drone")]);
        assertEquals(1f, state[ProductionFeatures.featureNames().indexOf("previous.Overlord")]);
        assertEquals(1f, state[ProductionFeatures.featureNames().indexOf("opponents.protoss")]);
        assertEquals(0f, state[ProductionFeatures.featureNames().indexOf("own.cell0_0")]);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new ProductionRequests()
                .observation(new ObjectMapper().readTree(body.toString().replace("\"Hatchery\"", "\"Nexus \"")), ""));
        assertEquals("produced.Nexus ", e.field());
    }

    @Test
    void theHeldOutShareDependsOnTheReplayIdAlone() {
        assertTrue(ReplayIds.heldOut("3fffffffffffffff", 0.25));
        assertFalse(ReplayIds.heldOut("4000000000000000", 0.25));
        assertThrows(IllegalArgumentException.class, () -> ReplayIds.heldOut("not-an-id", 0.25));
        assertEquals(16, replay.id().length());
    }
}
