package dev.apprentice.cli.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class IndexServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageAndTheSameFiguresAsJson() throws Exception {
        try (IndexServer server = IndexServer.start(0, () -> IndexPageTest.status(3L << 30))) {
            HttpResponse<String> page = send("GET", server.address());
            HttpResponse<String> status = send("GET", server.address() + "status");

            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(page.body().contains("<a href=\"http://127.0.0.1:8083/\">starcraft</a>"), page.body());
            assertEquals(200, status.statusCode());
            JsonNode json = new ObjectMapper().readTree(status.body());
            assertEquals(4, json.path("services").size());
            assertEquals("EXITED", json.path("services").get(1).path("phase").asText());
            assertEquals(320L << 20, json.path("services").get(1).path("peakRssBytes").asLong());
            assertEquals(6L << 30, json.path("budgetBytes").asLong());
        }
    }

    @Test
    void isReadOnlyAndServesNothingElse() throws Exception {
        try (IndexServer server = IndexServer.start(0, () -> IndexPageTest.status(3L << 30))) {
            HttpResponse<String> post = send("POST", server.address() + "status");
            HttpResponse<String> other = send("GET", server.address() + "favicon.ico");

            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
            assertEquals(404, other.statusCode());
        }
    }

    @Test
    void aTakenPortIsNamedWithTheOptionThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> IndexServer.start(taken.getLocalPort(), () -> IndexPageTest.status(0)));

            assertEquals("port " + taken.getLocalPort() + " (the suite's index page) is already in use on 127.0.0.1;"
                    + " stop what holds it or choose another with --port", e.getMessage());
        }
    }
}
