package dev.apprentice.starcraft.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import dev.apprentice.service.testing.ServiceSteps;
import dev.apprentice.starcraft.MinigameDomain;
import dev.apprentice.starcraft.StarcraftDomain;
import dev.apprentice.starcraft.demonstration.ProductionCatalog;
import dev.apprentice.starcraft.demonstration.ReplayIds;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameEnvironment;
import dev.apprentice.starcraft.minigame.MinigameFunction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The service end to end on a real broker: replays uploaded, published, ingested, learned from (never
 * from a held-out one) and predicted on; a minigame's scripted agent published, cloned through a kit
 * job and asked for pysc2-shaped actions; bad input refused with the field named.
 */
@QuarkusTest
@QuarkusTestResource(value = StarcraftServiceTest.Broker.class, restrictToAnnotatedClass = true)
class StarcraftServiceTest {

    /** The broker, and each of the four domains' directories. */
    public static class Broker extends EmbeddedServiceResource {
        @Override
        protected List<String> domains() {
            List<String> names = new ArrayList<>(List.of(StarcraftDomain.NAME));
            Arrays.stream(Minigame.values()).map(MinigameDomain::nameOf).forEach(names::add);
            return names;
        }
    }

    private static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final String REPLAYS = "/api/v1/starcraft";
    private static final String BEACON = "/api/v1/" + MinigameDomain.nameOf(Minigame.MOVE_TO_BEACON);
    /** Not held out (its id starts 65). */
    private static final String TRAINING_REPLAY = "b64469-2018-12-01_P_Calm_VS_T_Aggression.SC2Replay";
    /** Held out (its id starts 1e). */
    private static final String HELD_OUT_REPLAY = "b71663-2019-01-25_P_IIIIIIIIIIII_VS_Z_PrEaTure.SC2Replay";

    private static final Supplier<RequestSpecification> ADMIN = () -> given()
            .header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON);

    private static byte[] replay(String name) throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty("apprentice.sc2.replays.dir"), name));
    }

    private static Response upload(byte[] file) {
        return given().header("Authorization", "Bearer " + ADMIN_KEY).contentType("application/octet-stream")
                .body(file).post(REPLAYS + "/replays");
    }

    @Test
    void uploadedReplaysAreLearnedFromAndAHeldOutOneIsStoredButNeverTrainedOn() throws Exception {
        byte[] training = replay(TRAINING_REPLAY);
        byte[] heldOut = replay(HELD_OUT_REPLAY);
        assertFalse(ReplayIds.heldOut(ReplayIds.of(training), 0.25));
        assertTrue(ReplayIds.heldOut(ReplayIds.of(heldOut), 0.25));

        Response first = upload(training);
        first.then().statusCode(200).body("summary.replayId", equalTo(ReplayIds.of(training)))
                .body("summary.baseBuild", equalTo(64469)).body("summary.players.size()", equalTo(2))
                .body("summary.streams.find { it.stream == 'tracker' }.status", equalTo("complete"))
                .body("heldOut", equalTo(false)).body("demonstrationsPublished", greaterThan(100));
        int trainingGames = first.path("games");
        upload(heldOut).then().statusCode(200).body("heldOut", equalTo(true));
        int heldOutGames = upload(heldOut).path("games");
        // The same file again publishes the same records, which the store keeps once.
        upload(training).then().statusCode(200).body("demonstrationsPublished",
                equalTo((Integer) first.path("demonstrationsPublished")));
        int games = trainingGames + heldOutGames;
        Await.until(games + " games in the store", Duration.ofSeconds(60),
                () -> ADMIN.get().get(REPLAYS + "/ingest").path("store.completeEpisodes").equals(games));

        Response job = ServiceSteps.trainAndPromote(ADMIN, REPLAYS, "bc");

        assertEquals(trainingGames, (Integer) job.path("episodesUsed"), "the held-out games were not trained on");
        Map<String, Object> metrics = job.path("evaluation.metrics");
        assertTrue((Float) metrics.get("top5") > 0.3f, "top-5 on the held-out corpus replays: " + metrics);
        assertEquals(games, (Integer) ADMIN.get().get(REPLAYS + "/ingest").path("store.completeEpisodes"),
                "nothing stored twice");
    }

    @Test
    void aStateInGameUnitsGetsANextProductionAndAReplayATimelineOfPredictions() throws Exception {
        ensureServedReplayPolicy();

        String decided = ADMIN.get().body("""
                {"race": "protoss", "opponents": ["terran"], "game_loop": 2000, "minerals": 180, "vespene": 0,
                 "mineral_rate": 700, "vespene_rate": 0, "workers": 16, "supply_used": 17, "supply_made": 23,
                 "produced": {"Probe": 6, "Pylon": 1}, "recent": ["Pylon", "Probe"]}""")
                .post(REPLAYS + "/decisions").then().statusCode(200).extract().path("action");
        assertTrue(ProductionCatalog.indexOf(decided) >= 0, decided);

        Response timeline = given().contentType("application/octet-stream").body(replay(HELD_OUT_REPLAY))
                .post(REPLAYS + "/replays/timeline");
        timeline.then().statusCode(200).body("heldOut", equalTo(true)).body("players.size()", greaterThan(0))
                .body("players[0].steps[0].predicted.size()", equalTo(5));
        List<Map<String, Object>> steps = timeline.path("players[0].steps");
        assertTrue(steps.size() > 20, "productions: " + steps.size());
        float top5 = timeline.path("players[0].top5");
        assertTrue(top5 > 0.3f, "top-5 of the first player: " + top5);
    }

    @Test
    void badStatesAndFilesAreRefusedWithTheFieldNamed() throws Exception {
        ADMIN.get().body("""
                {"race": "protoss", "opponents": ["terran"], "game_loop": 2000, "minerals": 180, "vespene": 0,
                 "mineral_rate": 700, "vespene_rate": 0, "workers": 16, "supply_used": 17, "supply_made": 23,
                 "produced": {"Probe": 6, "Dragoon": 1}}""")
                .post(REPLAYS + "/decisions").then().statusCode(400).body("field", equalTo("produced.Dragoon"));
        ADMIN.get().body("{\"race\": \"elf\"}").post(REPLAYS + "/decisions").then().statusCode(400)
                .body("field", equalTo("race"));

        upload(replay("invalid.SC2Replay")).then().statusCode(400).body("field", equalTo("body"))
                .body("message", containsString("not an MPQ archive"));
        upload(new byte[0]).then().statusCode(400).body("field", equalTo("body"));
        given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.TEXT).body("hello")
                .post(REPLAYS + "/replays").then().statusCode(415);
        given().contentType("application/octet-stream").body(replay(TRAINING_REPLAY)).post(REPLAYS + "/replays")
                .then().statusCode(401);
        upload(new byte[9 * 1024 * 1024]).then().statusCode(413);
        // A replay whose build has no table (game 3.x) is refused by name; none is shipped, so a header is forged.
    }

    @Test
    void aMinigameClonedThroughAKitJobAnswersPysc2Calls() throws Exception {
        ServiceSteps.publishExpertEpisodes(ADMIN, BEACON, "scripted", 10);
        Response job = ServiceSteps.trainAndPromote(ADMIN, BEACON, "bc");
        float normalised = job.path("evaluation.metrics.normalizedReturn");
        assertTrue(normalised >= 0.9f, "normalised score on held-out seeds: " + normalised);

        MinigameEnvironment env = Minigame.MOVE_TO_BEACON.environment();
        float[] observation = env.reset(1234);
        Response first = ADMIN.get().body(FeatureLayersJson.of(observation, 0).toString()).post(BEACON + "/actions");
        first.then().statusCode(200).body("policyVersion", greaterThan(0));
        MinigameFunction function = MinigameFunction.byPysc2Name(first.path("function"));
        assertTrue(List.of(MinigameFunction.SELECT_ARMY, MinigameFunction.SELECT_POINT, MinigameFunction.SELECT_RECT)
                .contains(function), "a marine is selected first: " + first.asString());

        StepResult r = env.step(dev.apprentice.starcraft.minigame.MinigameAction.selectArmy().toVector());
        ObjectNode selected = FeatureLayersJson.of(r.observation(), 8);
        Response move = ADMIN.get().body(selected.toString()).post(BEACON + "/actions");
        move.then().statusCode(200).body("function", equalTo("Move_screen")).body("screen.size()", equalTo(2))
                .body("call", containsString("Move_screen(now, ["));

        ObjectNode bad = selected.deepCopy();
        ((ArrayNode) bad.get("screen").get("selected").get(2)).set(7, 3);
        ADMIN.get().body(bad.toString()).post(BEACON + "/actions").then().statusCode(400)
                .body("field", equalTo("screen.selected[2][7]")).body("message", containsString("0 or 1"));
        ObjectNode late = selected.deepCopy();
        late.put("game_loop", 100_000);
        ADMIN.get().body(late.toString()).post(BEACON + "/actions").then().statusCode(400)
                .body("field", equalTo("game_loop"));
        ADMIN.get().body("{}").post("/api/v1/starcraft-unknown-game/actions").then().statusCode(404);
    }

    @Test
    void openApiDescribesTheDomainsOwnEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/starcraft/replays"))
                .body("paths", hasKey("/api/v1/starcraft/replays/timeline"))
                .body("paths.keySet()", hasItem(containsString("/actions")));
    }

    private static void ensureServedReplayPolicy() throws Exception {
        if (ADMIN.get().get(REPLAYS + "/provenance").statusCode() == 200) {
            return;
        }
        Response uploaded = upload(replay(TRAINING_REPLAY));
        int games = uploaded.path("games");
        Await.until("the training replay's games in the store", Duration.ofSeconds(60),
                () -> ((Integer) ADMIN.get().get(REPLAYS + "/ingest").path("store.completeEpisodes")) >= games);
        ServiceSteps.trainAndPromote(ADMIN, REPLAYS, "bc");
    }
}
