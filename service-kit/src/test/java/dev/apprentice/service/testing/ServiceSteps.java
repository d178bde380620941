package dev.apprentice.service.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Steps a service's end-to-end tests take through its own API, the same for every domain: publish
 * a simulated expert's episodes and wait until the store holds them, train a job and wait until it
 * has succeeded and been promoted.
 */
public final class ServiceSteps {

    private ServiceSteps() {
    }

    /**
     * Publishes {@code episodes} episodes of {@code expert} and waits (up to a minute) until the store holds
     * that many complete episodes.
     *
     * @param admin a fresh request with an administrator key and a JSON content type, per call
     * @param api the service's path prefix, e.g. {@code /api/v1/anesthesia}
     */
    public static void publishExpertEpisodes(Supplier<RequestSpecification> admin, String api, String expert, int episodes)
            throws InterruptedException {
        admin.get().body("{\"expert\": \"" + expert + "\", \"episodes\": " + episodes + "}").post(api + "/experts/episodes")
                .then().statusCode(200).body("episodes", equalTo(episodes));
        Await.until(episodes + " complete episodes in the store", Duration.ofSeconds(60),
                () -> admin.get().get(api + "/ingest").path("store.completeEpisodes").equals(episodes));
    }

    /** Starts a job of {@code algorithm}, waits (up to two minutes) until it ends, and checks it succeeded and was promoted. */
    public static Response trainAndPromote(Supplier<RequestSpecification> admin, String api, String algorithm)
            throws InterruptedException {
        Response job = train(admin, api, algorithm);
        assertEquals(Boolean.TRUE, job.path("promoted"), () -> "job: " + job.asString());
        return job;
    }

    /** Starts a job of {@code algorithm}, waits (up to two minutes) until it ends, and checks it succeeded. */
    public static Response train(Supplier<RequestSpecification> admin, String api, String algorithm)
            throws InterruptedException {
        String id = admin.get().body("{\"algorithm\": \"" + algorithm + "\"}").post(api + "/training/jobs")
                .then().statusCode(202).extract().path("id");
        Await.until("the " + algorithm + " job to finish", Duration.ofSeconds(120),
                () -> !List.of("queued", "running").contains(admin.get().get(api + "/training/jobs/" + id).path("status")));
        Response job = admin.get().get(api + "/training/jobs/" + id);
        assertEquals("succeeded", job.path("status"), () -> "job: " + job.asString());
        return job;
    }
}
