package dev.apprentice.service;

import static dev.apprentice.service.ServiceKitTest.ADMIN;
import static dev.apprentice.service.ServiceKitTest.API;
import static dev.apprentice.service.ServiceKitTest.DECIDER;
import static dev.apprentice.service.ServiceKitTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.service.security.AuthFailureThrottle;
import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the kit shows and accepts over HTTP with its production defaults: anonymous clients see
 * the page's summary and no metrics or OpenAPI document; wrong keys are throttled per address
 * (here 5 per 5 s) and logged with their count; each JSON endpoint has its body limit, also for
 * chunked bodies; JSON is strict and needs its content type.
 */
@Tag("reliability")
@QuarkusTest
@QuarkusTestResource(value = EmbeddedServiceResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpHardeningTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String OBSERVATION = "{\"observation\": [1, 0, 0, 0]}";

    @TestHTTPResource("/")
    URL root;

    /** A JSON object of exactly {@code size} bytes. */
    static String bodyOf(int size) {
        return "{\"pad\": \"" + "x".repeat(size - 11) + "\"}";
    }

    HttpResponse<String> send(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.toURI().resolve(API + path))
                .header("Authorization", "Bearer " + ADMIN).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void anonymousClientsSeeTheDashboardWithoutJobErrorsOrSourcesWhileAnAdministratorKeySeesThem() throws Exception {
        String id = as(ADMIN).body("{\"algorithm\": \"bc\", \"sources\": [\"driver-7\"], \"promote\": \"manual\"}")
                .post(API + "/training/jobs").then().statusCode(202).extract().path("id");
        Await.until("the job to fail on an empty store", Duration.ofSeconds(20),
                () -> "failed".equals(as(ADMIN).get(API + "/training/jobs/" + id).path("status")));

        as(ADMIN).get(API + "/dashboard").then().statusCode(200)
                .body("jobs.find { it.id == '" + id + "' }.error", containsString("no stored episode matches"))
                .body("jobs.find { it.id == '" + id + "' }.request.sources", hasItem("driver-7"));
        given().get(API + "/dashboard").then().statusCode(200)
                .body("jobs.find { it.id == '" + id + "' }.status", equalTo("failed"))
                .body("jobs.find { it.id == '" + id + "' }.error", nullValue())
                .body("jobs.find { it.id == '" + id + "' }.request", nullValue());
        as(DECIDER).get(API + "/dashboard").then().statusCode(200)
                .body("jobs.find { it.id == '" + id + "' }.error", nullValue());
    }

    @Test
    @Order(2)
    void metricsAndTheOpenApiDocumentNeedAKeyWhileHealthStaysOpen() {
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(401);
        }
        as(DECIDER).get("/q/metrics").then().statusCode(200).body(containsString("apprentice_"));
        as(DECIDER).get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/identity/decisions"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(3)
    void eachJsonEndpointRefusesABodyOverItsLimitWith413AndAcceptsOneAtIt() {
        Map<String, Integer> limits = new TreeMap<>(Map.of("/decisions", 64 * 1024, "/decisions/batch", 2 * 1024 * 1024,
                "/training/jobs", 8 * 1024, "/experts/episodes", 8 * 1024));
        Map<String, List<Integer>> statuses = new TreeMap<>();
        limits.forEach((path, limit) -> {
            Response over = as(ADMIN).body(bodyOf(limit + 1)).post(API + path);
            statuses.put(path, List.of(over.statusCode(), as(ADMIN).body(bodyOf(limit)).post(API + path).statusCode()));
            if (over.statusCode() == 413) {
                over.then().header("Connection", "close").body("status", equalTo(413))
                        .body("error", equalTo("body-too-large")).body("field", equalTo("body"))
                        .body("message", containsString("at most " + limit + " bytes"));
            }
        });
        Map<String, List<Integer>> expected = new TreeMap<>();
        limits.keySet().forEach(path -> expected.put(path, List.of(413, 400)));
        assertEquals(expected, statuses, "over the limit: 413; at the limit: read, and refused for its content");
    }

    @Test
    @Order(4)
    void anOversizedBodyIsRefusedUnreadAndItsConnectionClosedRatherThanDrained() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST " + API + "/decisions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nAuthorization: Bearer " + DECIDER + "\r\n"
                    + "Content-Length: 10000000\r\n\r\n{\"observation\": [").getBytes(StandardCharsets.US_ASCII));
            // readAllBytes returns at the end of the stream, i.e. once the server has closed the connection.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"error\":\"body-too-large\""), answer);
        }
    }

    @Test
    @Order(5)
    void aChunkedBodyIsCappedAtItsEndpointsLimitAndReadInFullBelowIt() throws Exception {
        byte[] large = bodyOf(100 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = send("/decisions", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals("body-too-large", JSON.readTree(refused.body()).path("error").asText());

        byte[] small = OBSERVATION.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> read = send("/decisions", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)));
        assertEquals(503, read.statusCode(), "the observation was read and checked; no policy is served yet: "
                + read.body());
        assertEquals("no-policy", JSON.readTree(read.body()).path("error").asText());
    }

    @Test
    @Order(6)
    void trailingContentAndDuplicateKeysAnswer400NamingTheProblem() {
        as(DECIDER).body(OBSERVATION + " {\"observation\": [0, 1, 0, 0]}").post(API + "/decisions").then().statusCode(400)
                .body("error", equalTo("invalid-json")).body("field", equalTo("body"))
                .body("message", containsString("unexpected content after the JSON value"));
        as(DECIDER).body("{\"observation\": [1, 0, 0, 0], \"observation\": [0, 1, 0, 0]}").post(API + "/decisions")
                .then().statusCode(400).body("error", equalTo("invalid-json")).body("field", equalTo("observation"))
                .body("message", containsString("Duplicate field 'observation'"));
        as(DECIDER).body("{\"requests\": [" + OBSERVATION + ", {\"observation\": [1, 0, 0, 0], \"observation\": []}]}")
                .post(API + "/decisions/batch").then().statusCode(400).body("field", equalTo("requests[1].observation"));
        as(ADMIN).body("{\"algorithm\": \"bc\", \"algorithm\": \"gail\"}").post(API + "/training/jobs").then()
                .statusCode(400).body("field", equalTo("algorithm"));
    }

    @Test
    @Order(7)
    void aJsonEndpointAnswers415WithoutOrWithAnotherContentType() throws Exception {
        HttpResponse<String> missing = send("/training/jobs", null, HttpRequest.BodyPublishers.ofString(
                "{\"algorithm\": \"bc\"}"));
        assertEquals(415, missing.statusCode(), missing.body());
        JsonNode body = JSON.readTree(missing.body());
        assertEquals("unsupported-media-type", body.path("error").asText());
        assertEquals("Content-Type", body.path("field").asText());
        assertTrue(body.path("message").asText().contains("found none"), body::toString);

        given().header("Authorization", "Bearer " + DECIDER).contentType(ContentType.TEXT).body(OBSERVATION)
                .post(API + "/decisions").then().statusCode(415).body("error", equalTo("unsupported-media-type"))
                .body("message", containsString("text/plain"));
    }

    @Test
    @Order(8)
    void wrongKeysBeyondTheBudgetAnswer429UntilTheWindowEndsAndAreLoggedWithTheirCountNeverTheKey() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(AuthFailureThrottle.class.getName());
        logger.addHandler(capture);
        try {
            String guess = "guessed-key-0123456789-";
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(given().header("X-API-Key", guess + i).get(API + "/policies").statusCode());
            }
            assertEquals(List.of(401, 401, 401, 401, 401), statuses.subList(0, 5), statuses::toString);
            assertTrue(statuses.subList(5, 20).stream().allMatch(s -> s == 429), statuses::toString);
            as(ADMIN).get(API + "/policies").then().statusCode(429).header("Retry-After", notNullValue())
                    .body("status", equalTo(429)).body("error", equalTo("too-many-failed-keys"));
            given().get(API + "/ping").then().statusCode(200);

            Await.until("the window to end and the offender to be logged", Duration.ofSeconds(15),
                    () -> lines.stream().anyMatch(l -> l.contains("presented 21 API keys")));
            as(ADMIN).get(API + "/policies").then().statusCode(200);
            String log = String.join("\n", lines);
            assertTrue(log.contains("127.0.0.1 presented 5 wrong API keys"), log);
            assertTrue(log.contains("5 wrong, 16 refused with 429"), log);
            assertFalse(log.contains(guess), "no key in the log: " + log);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
