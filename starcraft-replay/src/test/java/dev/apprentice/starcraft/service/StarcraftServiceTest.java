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
import dev.apprentice.starcraft.mapping.FeatureLayersJson;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameEnvironment;
import dev.apprentice.starcraft.minigame.MinigameFunction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
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

    @TestHTTPResource("/")
    URL root;

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
    void uploadedReplaysAreLearnedFromNeverFromAHeldOutOneAndThePolicyPredictsProductions() throws Exception {
        Map<String, String> refused = new TreeMap<>();
        int trainingGames = 0;
        int heldOutGames = 0;
        Response first = null;
        for (Path file : corpus()) {
            byte[] bytes = Files.readAllBytes(file);
            Response r = upload(bytes);
            if (r.statusCode() != 200) {
                refused.put(file.getFileName().toString(), r.path("message"));
                continue;
            }
            boolean heldOut = ReplayIds.heldOut(ReplayIds.of(bytes), 0.25);
            r.then().body("heldOut", equalTo(heldOut)).body("summary.replayId", equalTo(ReplayIds.of(bytes)));
            if (heldOut) {
                heldOutGames += (Integer) r.path("games");
            } else {
                trainingGames += (Integer) r.path("games");
            }
            if (file.getFileName().toString().equals(TRAINING_REPLAY)) {
                first = r;
            }
        }
        assertEquals(Set.of("invalid.SC2Replay"), refused.keySet(), "refused: " + refused);
        first.then().body("summary.baseBuild", equalTo(64469)).body("summary.players.size()", equalTo(2))
                .body("summary.streams.find { it.stream == 'tracker' }.status", equalTo("complete"))
                .body("demonstrationsPublished", greaterThan(100));
        // The same file again publishes the same records, which the store keeps once.
        upload(replay(TRAINING_REPLAY)).then().statusCode(200).body("demonstrationsPublished",
                equalTo((Integer) first.path("demonstrationsPublished")));
        int games = trainingGames + heldOutGames;
        Await.until(games + " games in the store", Duration.ofSeconds(60),
                () -> ADMIN.get().get(REPLAYS + "/ingest").path("store.completeEpisodes").equals(games));

        Response job = ServiceSteps.train(ADMIN, REPLAYS, "bc");

        assertEquals(trainingGames, (Integer) job.path("episodesUsed"), "only the training share was trained on");
        Map<String, Float> metrics = job.path("evaluation.metrics");
        Map<String, Map<String, Float>> baselines = new TreeMap<>();
        List<Map<String, Object>> rows = ADMIN.get().get(REPLAYS + "/dashboard").path("evaluation.baselines");
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Float> m = (Map<String, Float>) row.get("metrics");
            baselines.put((String) row.get("name"), m);
        }
        String report = "policy " + metrics + ", baselines " + baselines;
        assertTrue(metrics.get("top1") > 0.5f && metrics.get("top5") > 0.8f, report);
        assertTrue(metrics.get("top1") > baselines.get("most frequent per race").get("top1") + 0.1f, report);
        assertTrue(metrics.get("top1") > baselines.get("Markov on the previous production").get("top1"), report);
        assertTrue(metrics.get("top5") > baselines.get("Markov on the previous production").get("top5"), report);
        assertTrue(metrics.get("top5") > 5 * baselines.get("random").get("top5") / 2, report);
        assertEquals(games, (Integer) ADMIN.get().get(REPLAYS + "/ingest").path("store.completeEpisodes"),
                "nothing stored twice");
        assertEquals(Boolean.TRUE, job.path("promoted"), () -> "the first version is served: " + job.asString());

        String decided = ADMIN.get().body("""
                {"race": "protoss", "opponents": ["terran"], "game_loop": 2000, "minerals": 180, "vespene": 0,
                 "mineral_rate": 700, "vespene_rate": 0, "workers": 16, "supply_used": 17, "supply_made": 23,
                 "produced": {"Probe": 6, "Pylon": 1}, "recent": ["Pylon", "Probe"]}""")
                .post(REPLAYS + "/decisions").then().statusCode(200).extract().path("action");
        assertTrue(ProductionCatalog.indexOf(decided) >= 0, decided);

        Response timeline = given().contentType("application/octet-stream").body(replay(HELD_OUT_REPLAY))
                .post(REPLAYS + "/replays/timeline");
        timeline.then().statusCode(200).body("heldOut", equalTo(true)).body("players.size()", equalTo(2))
                .body("players[0].steps[0].predicted.size()", equalTo(5));
        List<Map<String, Object>> steps = timeline.path("players[0].steps");
        assertTrue(steps.size() > 20, "productions: " + steps.size());
        float top5 = timeline.path("players[0].top5");
        assertTrue(top5 > 0.5f, "top-5 of the first player of a held-out replay: " + top5);
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
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST " + REPLAYS + "/replays HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nAuthorization: Bearer " + ADMIN_KEY + "\r\n"
                    + "Content-Length: 9000000\r\n\r\nMPQ").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
    }

    @Test
    void aMinigameLearnedThroughKitJobsAnswersPysc2Calls() throws Exception {
        ServiceSteps.publishExpertEpisodes(ADMIN, BEACON, "scripted", 10);
        Response job = ServiceSteps.trainAndPromote(ADMIN, BEACON, "bc");
        float normalised = job.path("evaluation.metrics.normalizedReturn");
        assertTrue(normalised >= 0.9f, "normalised score on held-out seeds: " + normalised);
        // RAIL through the kit's job on the same stored episodes: the recipe's search keeps the expert's score.
        float rail = ServiceSteps.train(ADMIN, BEACON, "rail").path("evaluation.metrics.normalizedReturn");
        assertTrue(rail >= 0.9f, "RAIL's normalised score on held-out seeds: " + rail);

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
        for (Minigame m : Minigame.values()) {
            ADMIN.get().body("{}").post("/api/v1/" + MinigameDomain.nameOf(m) + "/actions").then().statusCode(400)
                    .body("field", equalTo("screen"));
        }
    }

    @Test
    void openApiDescribesTheDomainsOwnEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/starcraft/replays"))
                .body("paths", hasKey("/api/v1/starcraft/replays/timeline"))
                .body("paths.keySet()", hasItem(containsString("/actions")));
    }

    private static List<Path> corpus() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("apprentice.sc2.replays.dir")))) {
            return files.filter(f -> f.toString().endsWith(".SC2Replay")).sorted().toList();
        }
    }
}
