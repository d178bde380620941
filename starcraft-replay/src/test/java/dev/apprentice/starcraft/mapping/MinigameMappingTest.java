package dev.apprentice.starcraft.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.AvroModels;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.starcraft.MinigameDomain;
import dev.apprentice.starcraft.minigame.FeatureLayers;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameSimulation;
import dev.apprentice.starcraft.schema.MinigameDemonstration;
import dev.apprentice.starcraft.schema.Pysc2Function;
import dev.apprentice.starcraft.schema.SparseLayers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The minigame record and request mappings: lossless for what the simulator produces, strict on what clients send. */
class MinigameMappingTest {

    private static final String DOMAIN = MinigameDomain.nameOf(Minigame.COLLECT_MINERAL_SHARDS);
    private final MinigameRecords records = new MinigameRecords(Minigame.COLLECT_MINERAL_SHARDS, DOMAIN);

    @BeforeAll
    static void trustTheSchema() {
        AvroModels.trust(MinigameDemonstration.getClassSchema());
    }

    private static List<ExpertStep> episode() {
        return new MinigameSimulation(Minigame.COLLECT_MINERAL_SHARDS, DOMAIN)
                .record(MinigameSimulation.EXPERT, 7, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(357))
                .steps();
    }

    @Test
    void everyStepOfAnExpertEpisodeSurvivesTheRecordUnchanged() {
        List<ExpertStep> steps = episode();

        for (ExpertStep step : steps) {
            ExpertStep back = records.toStep(records.fromStep(step));
            assertArrayEquals(step.state(), back.state(), "state of step " + step.step());
            assertArrayEquals(step.action(), back.action(), "action of step " + step.step());
            assertEquals(step.terminal(), back.terminal());
            assertEquals(step.timeLimited(), back.timeLimited());
            assertArrayEquals(step.finalState(), back.finalState());
            assertEquals(step.metadata(), back.metadata());
        }
        assertTrue(records.fromStep(steps.get(5)).getObservation().getIndices().size() < FeatureLayers.LENGTH / 10,
                "the layers travel sparse");
    }

    @Test
    void aRecordOfAnotherMapOrWithBadLayersIsRefusedWithTheField() {
        MinigameDemonstration good = records.fromStep(episode().get(3));

        MinigameDemonstration otherMap = MinigameDemonstration.newBuilder(good).setMap("MoveToBeacon").build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> records.toStep(otherMap)).getMessage()
                .startsWith("map: expected CollectMineralShards"));
        List<Integer> unordered = new ArrayList<>(good.getObservation().getIndices());
        unordered.set(1, unordered.get(0));
        MinigameDemonstration repeated = MinigameDemonstration.newBuilder(good).setObservation(
                SparseLayers.newBuilder(good.getObservation()).setIndices(unordered).build()).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> records.toStep(repeated)).getMessage()
                .startsWith("observation.indices[1]"));
        MinigameDemonstration missingPoint = MinigameDemonstration.newBuilder(good)
                .setFunction(Pysc2Function.Move_screen).setScreen(null).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> records.toStep(missingPoint)).getMessage()
                .startsWith("screen: Move_screen needs (x, y)"));
        MinigameDemonstration outside = MinigameDemonstration.newBuilder(good).setFunction(Pysc2Function.Move_screen)
                .setScreen(List.of(0.5f, 1.5f)).setIntents(null).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> records.toStep(outside)).getMessage()
                .startsWith("screen:"));
    }

    @Test
    void theDecisionRequestOfAnObservationReadsBackToThatObservation() {
        MinigameRequests requests = new MinigameRequests(Minigame.COLLECT_MINERAL_SHARDS);
        for (ExpertStep step : episode().subList(0, 40)) {
            float[] read = requests.observation(FeatureLayersJson.of(step.state(), step.step() * 8), "");
            float[] expected = step.state().clone();
            assertEquals(expected[FeatureLayers.TIME_ELAPSED_OFFSET], read[FeatureLayers.TIME_ELAPSED_OFFSET], 1e-6);
            read[FeatureLayers.TIME_ELAPSED_OFFSET] = expected[FeatureLayers.TIME_ELAPSED_OFFSET];
            assertArrayEquals(expected, read, "step " + step.step());
        }
    }

    @Test
    void aBadCellOrAnUnknownFieldIsNamedInTheError() {
        MinigameRequests requests = new MinigameRequests(Minigame.COLLECT_MINERAL_SHARDS);
        ObjectNode body = FeatureLayersJson.of(episode().get(0).state(), 0);

        ObjectNode badCode = body.deepCopy();
        ((ArrayNode) badCode.get("screen").get("player_relative").get(4)).set(9, 7);
        assertEquals("screen.player_relative[4][9]", assertThrows(InvalidRequestException.class,
                () -> requests.observation(badCode, "")).field());
        ObjectNode shortRow = body.deepCopy();
        ((ArrayNode) shortRow.get("minimap").get("player_relative").get(3)).remove(0);
        assertEquals("minimap.player_relative[3]", assertThrows(InvalidRequestException.class,
                () -> requests.observation(shortRow, "")).field());
        ObjectNode unknown = body.deepCopy();
        unknown.put("minigame", "DefeatRoaches");
        assertEquals("minigame", assertThrows(InvalidRequestException.class,
                () -> requests.observation(unknown, "")).field());
        ObjectNode lastAction = body.deepCopy();
        lastAction.put("last_action", "build_marine");
        assertTrue(assertThrows(InvalidRequestException.class, () -> requests.observation(lastAction, ""))
                .getMessage().contains("Move_screen"));
    }
}
