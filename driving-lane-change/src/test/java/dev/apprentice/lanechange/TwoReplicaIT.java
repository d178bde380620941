package dev.apprentice.lanechange;

import static dev.apprentice.lanechange.PackagedService.ADMIN_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import dev.apprentice.service.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on one broker, with separate directories and no shared
 * disk: replica A ingests and trains, replica B only serves. A version promoted on A is served by
 * B within seconds through the compacted policy topic; B restarted serves it at once; a corrupt
 * artefact on the topic is refused by B with a logged reason while it keeps serving, and B still
 * follows A's next promotion.
 */
class TwoReplicaIT {

    static EmbeddedKafkaBroker broker;
    static Path work;
    static final List<PackagedService> replicas = new ArrayList<>();

    @BeforeAll
    static void startTheBroker() throws IOException {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options());
        work = Files.createTempDirectory("two-replicas-");
    }

    @AfterAll
    static void stopEverything() {
        replicas.forEach(PackagedService::destroy);
        if (broker != null) {
            broker.close();
        }
    }

    static PackagedService start(String name, boolean ingest) throws IOException, InterruptedException {
        PackagedService replica = PackagedService.start(name, work.resolve(name), broker.bootstrapServers(), ingest);
        replicas.add(replica);
        return replica;
    }

    @Test
    void aServingReplicaFollowsPromotionsThroughThePolicyTopicAndRefusesCorruptArtefacts() throws Exception {
        PackagedService a = start("a", true);
        PackagedService b = start("b", false);
        assertEquals(503, b.status("/q/health/ready"), "B serves nothing before A promotes");

        a.publishAndAwait("normal", 10, 10);
        assertEquals(1, a.train("{\"algorithm\": \"bc\"}"));
        Instant promoted = Instant.now();
        Await.until("B to serve version 1", Duration.ofSeconds(10), () -> b.servedVersion() == 1);
        System.out.printf("B served v1 %d ms after A's job reported it%n",
                Duration.between(promoted, Instant.now()).toMillis());
        assertEquals(409, b.call("POST", "/policies/1/promote", ADMIN_KEY, null).path("httpStatus").asInt(),
                "a serving-only replica does not promote");
        assertEquals(409, b.call("POST", "/training/jobs", ADMIN_KEY, "{\"algorithm\": \"bc\"}").path("httpStatus").asInt(),
                "a serving-only replica does not train");

        b.stop();
        b.restart();
        assertEquals(200, b.status("/q/health/ready"), "B restarted is ready as soon as it answers");
        assertEquals(1, b.servedVersion(), "and serves version 1 at once");

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            byte[] corrupt = "APPA this is not a policy".getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>("lane-change.policies", "lane-change", corrupt)).get();
        }
        Await.until("B to log the refusal", Duration.ofSeconds(10),
                () -> Files.readString(b.log()).contains("refused the policy artefact"));
        assertEquals(1, b.servedVersion(), "B keeps serving version 1");
        assertTrue(Files.readString(b.log()).contains("still serving version 1"));

        assertEquals(2, a.train("{\"algorithm\": \"bc\", \"seed\": 2, \"promote\": \"always\"}"));
        Await.until("B to serve version 2", Duration.ofSeconds(10), () -> b.servedVersion() == 2);
    }
}
