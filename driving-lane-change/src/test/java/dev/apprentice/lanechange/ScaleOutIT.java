package dev.apprentice.lanechange;

import static dev.apprentice.lanechange.PackagedService.DECISION_KEY;
import static dev.apprentice.lanechange.PackagedService.OBSERVATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.stream.DeadLetter;
import dev.apprentice.il.stream.DeadLetterReader;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.kafka.embedded.EmbeddedKafkaCluster;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.ingest.ExpertProducer;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The scale-out deployment on loopback: a 3-broker KRaft cluster in separate processes, topics
 * with replication 3 and min ISR 2, two ingesting replicas of the packaged lane-change service in
 * one consumer group (ingest-0 trains, reading ingest-1's store beside its own; ingest-1 only stores
 * its partitions and follows the policy topic) and two serving replicas. A stream of expert decisions with bad records mixed in is
 * published while a broker, an ingesting replica and a serving replica are killed (SIGKILL) and the
 * two replicas restarted, as their StatefulSet and Deployment would. Afterwards every valid record
 * is in exactly one of the two stores, every bad one in the dead-letter topic once, ingest-0 trains
 * on every episode of both stores, the version it promotes is served by all four replicas, and a client that fails over between the
 * serving replicas was answered throughout. The figures go to the test's output (deploy/README.md
 * quotes them).
 */
class ScaleOutIT {

    private static final String TOPIC = LaneChangeDomain.TOPIC;
    private static final int PARTITIONS = 6;
    private static final int BAD_EVERY = 97;
    private static final String[] EXPERTS = {"normal", "cautious", "assertive"};

    static EmbeddedKafkaCluster cluster;
    static final List<PackagedService> replicas = new ArrayList<>();

    @AfterAll
    static void stopEverything() {
        replicas.forEach(PackagedService::destroy);
        if (cluster != null) {
            cluster.close();
        }
    }

    private static PackagedService start(Path work, String name, boolean ingest, String... properties)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("apprentice.kafka.partitions=" + PARTITIONS);
        all.add("apprentice.kafka.session-timeout=6s");
        PackagedService replica = PackagedService.start(name, work.resolve(name), cluster.bootstrapServers(), ingest,
                all.toArray(String[]::new));
        replicas.add(replica);
        return replica;
    }

    @Test
    void everyRecordIsStoredOnceAcrossIngestersWhileABrokerAndReplicasDieAndPromotionsReachEveryReplica()
            throws Exception {
        Path work = Files.createTempDirectory("scale-out-");
        Instant started = Instant.now();
        cluster = EmbeddedKafkaCluster.start(3, work.resolve("kafka"));
        System.out.printf("scale-out: 3-node KRaft cluster serving after %d ms%n", millisSince(started));

        // given two ingesting replicas (one of them the training replica) and two serving replicas
        // the training replica reads the other ingesting replica's store too (a shared volume in a cluster)
        PackagedService ingest0 = start(work, "ingest-0", true, "apprentice.kafka.transactional-id=lane-change-ingest-0",
                "apprentice.storage.peer-store-directories=" + work.resolve("ingest-1").resolve("store"));
        PackagedService ingest1 = start(work, "ingest-1", true, "apprentice.kafka.transactional-id=lane-change-ingest-1",
                "apprentice.training.enabled=false");
        PackagedService serve0 = start(work, "serve-0", false);
        PackagedService serve1 = start(work, "serve-1", false);
        List<PackagedService> all = List.of(ingest0, ingest1, serve0, serve1);
        assertReplicatedThreeTimes(TOPIC, PARTITIONS);

        Instant t0 = Instant.now();
        Stream stream = Stream.simulate(720);
        System.out.printf("scale-out: %d valid records in %d episodes simulated in %d ms%n", stream.valid.size(),
                stream.episodes, millisSince(t0));

        try (DemonstrationPublisher<SpecificRecord> publisher = publisher(); KafkaProducer<String, byte[]> raw = raw()) {
            // a first policy, trained and promoted on the training replica, served by all four
            int first = stream.valid.size() / 8;
            stream.publish(publisher, raw, 0, first);
            Await.until("the first records ingested", Duration.ofSeconds(120), () -> committed() == stream.sent());
            int v1 = ingest0.train("{\"algorithm\": \"bc\", \"promote\": \"always\"}");
            for (PackagedService r : all) {
                Await.until(r.name + " to serve version " + v1, Duration.ofSeconds(30), () -> r.servedVersion() == v1);
            }

            // when the rest is published while decisions are asked of the serving replicas, and a broker,
            // an ingesting replica and a serving replica are killed mid-stream and the replicas restarted
            FailoverClient client = new FailoverClient(List.of(serve0, serve1));
            Thread asking = new Thread(client, "decisions");
            asking.start();
            int third = first + (stream.valid.size() - first) / 3;
            stream.publish(publisher, raw, first, third);
            Instant kill = Instant.now();
            cluster.kill(2);
            ingest1.kill();
            serve0.kill();
            System.out.printf("scale-out: killed broker 2, ingest-1 and serve-0 after %d records%n", stream.sent());
            Thread restarts = new Thread(() -> {
                try {
                    Thread.sleep(3_000);
                    serve0.restart();
                    ingest1.restart();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "restarts");
            restarts.start();
            stream.publish(publisher, raw, third, stream.valid.size());
            System.out.printf("scale-out: all %d records published %d ms after the kills (2 of 3 brokers)%n",
                    stream.sent(), millisSince(kill));
            restarts.join(180_000);
            Await.until("the consumer group to commit every record", Duration.ofSeconds(180),
                    () -> committed() == stream.sent());
            System.out.printf("scale-out: every record committed %d ms after the kills%n", millisSince(kill));
            // the restarted replica settles its last batch before it polls (lag known from then on)
            Await.until("ingest-1 to poll again", Duration.ofSeconds(120), () -> ingest1.call("GET", "/ingest",
                    PackagedService.ADMIN_KEY, null).path("counters").path("lag").asLong() >= 0);
            System.out.printf("scale-out: counters of ingest-0 %s, of ingest-1 since its restart %s%n",
                    ingest0.call("GET", "/ingest", PackagedService.ADMIN_KEY, null).path("counters"),
                    ingest1.call("GET", "/ingest", PackagedService.ADMIN_KEY, null).path("counters"));

            // then the training replica trains on both replicas' stores: every episode whole, every record once
            var job = ingest0.awaitJob(ingest0.submit("{\"algorithm\": \"bc\", \"seed\": 2, \"promote\": \"always\"}"));
            assertEquals("succeeded", job.path("status").asText(), job::toString);
            System.out.printf("scale-out: version %d trained on %d episodes, %d decisions (both stores)%n",
                    job.path("version").asInt(), job.path("episodesUsed").asInt(), job.path("samplesUsed").asInt());
            assertEquals(stream.episodes, job.path("episodesUsed").asInt(), "every episode, whole");
            assertEquals(stream.valid.size(), job.path("samplesUsed").asInt(), "every decision, once");

            // and the version promoted on the training replica reaches all four, the restarted ones included
            int v2 = job.path("version").asInt();
            for (PackagedService r : all) {
                Await.until(r.name + " to serve version " + v2, Duration.ofSeconds(30), () -> r.servedVersion() == v2);
            }
            client.stop();
            asking.join(30_000);
            System.out.printf("scale-out: decisions answered %d, failed %d (on both replicas), longest gap between"
                    + " answers %d ms, failovers %d%n", client.answered.get(), client.failed.get(),
                    client.longestGapMillis(), client.failovers.get());
            assertEquals(0, client.failed.get(), "every decision was answered by one of the serving replicas");
            assertTrue(client.answered.get() > 0);
        }

        // and every valid record is in exactly one of the two stores, every bad one dead-lettered once
        try (DemonstrationStore a = DemonstrationStore.openReadOnly(ingest0.data.resolve("store"));
                DemonstrationStore b = DemonstrationStore.openReadOnly(ingest1.data.resolve("store"))) {
            long inBoth = 0;
            long inNeither = 0;
            for (ExpertStep s : stream.valid) {
                boolean inA = a.contains(s.source(), s.episode(), s.step());
                boolean inB = b.contains(s.source(), s.episode(), s.step());
                inBoth += inA && inB ? 1 : 0;
                inNeither += !inA && !inB ? 1 : 0;
            }
            System.out.printf("scale-out: stored %d (ingest-0) + %d (ingest-1) = %d of %d valid records; duplicates %d,"
                    + " lost %d%n", a.size(), b.size(), a.size() + b.size(), stream.valid.size(), inBoth, inNeither);
            assertEquals(0, inBoth, "records stored by both ingesting replicas");
            assertEquals(0, inNeither, "valid records stored by neither");
            assertEquals(stream.valid.size(), a.size() + b.size());
            assertTrue(a.size() > 0 && b.size() > 0, "both replicas ingested a share");
        }
        int dead = DeadLetterReader.readAll(cluster.bootstrapServers(), DeadLetter.topicFor(TOPIC), Map.of(),
                Duration.ofSeconds(30)).size();
        System.out.printf("scale-out: dead letters %d of %d bad records%n", dead, stream.bad());
        assertEquals(stream.bad(), dead, "each bad record dead-lettered exactly once");
    }

    private static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }

    private static DemonstrationPublisher<SpecificRecord> publisher() {
        return ExpertProducer.publisher(cluster.bootstrapServers(), TOPIC, PayloadFormat.AVRO_SINGLE_OBJECT,
                new LaneChangeDomain().records());
    }

    private static KafkaProducer<String, byte[]> raw() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    private static void assertReplicatedThreeTimes(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            // A node that has not yet heard of a new topic answers "unknown topic": ask again.
            Await.until(topic + " to be described", Duration.ofSeconds(30), () -> {
                try {
                    admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
                    return true;
                } catch (java.util.concurrent.ExecutionException e) {
                    return false;
                }
            });
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            assertEquals(partitions, d.partitions().size());
            d.partitions().forEach(p -> assertEquals(3, p.replicas().size(), topic + " partition " + p.partition()));
        }
    }

    /** Records of the demonstrations topic the ingesters' group has committed, over every partition. */
    private static long committed() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("lane-change-ingest")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /** The stream: simulated expert decisions, with an undecodable record after every {@link #BAD_EVERY} valid ones. */
    private static final class Stream {
        final List<ExpertStep> valid = new ArrayList<>();
        int episodes;
        private long sent;
        private int bad;

        static Stream simulate(int episodes) {
            Stream s = new Stream();
            ExpertSimulation sim = new LaneChangeDomain().simulation().orElseThrow();
            Instant start = Instant.now().minus(Duration.ofHours(2));
            for (int e = 0; e < episodes; e++) {
                s.valid.addAll(sim.record(EXPERTS[e % EXPERTS.length], 10_000 + e, start.plusSeconds(20L * e),
                        Duration.ofSeconds(1)).steps());
            }
            s.episodes = episodes;
            return s;
        }

        /** Publishes valid records [from, to) and the bad ones among them, waiting for every acknowledgement. */
        void publish(DemonstrationPublisher<SpecificRecord> out, KafkaProducer<String, byte[]> raw, int from, int to)
                throws Exception {
            var records = new LaneChangeDomain().records();
            SplittableRandom rng = new SplittableRandom(from);
            for (int i = from; i < to; i++) {
                out.publish(records.fromStep(valid.get(i)));
                sent++;
                if (i % BAD_EVERY == BAD_EVERY - 1) {
                    byte[] junk = ("not a demonstration " + rng.nextLong()).getBytes(StandardCharsets.UTF_8);
                    raw.send(new ProducerRecord<>(TOPIC, "bad-" + i, junk));
                    sent++;
                    bad++;
                }
                if (i % 200 == 199) {
                    // paced, so the kills land mid-stream and decisions interleave with ingestion
                    Thread.sleep(20);
                }
            }
            out.flush();
            raw.flush();
        }

        long sent() {
            return sent;
        }

        int bad() {
            return bad;
        }
    }

    /**
     * A decision client that asks one serving replica and, when it cannot be reached or answers an
     * error, asks the other at once, as a client behind a Service with two endpoints would.
     */
    private static final class FailoverClient implements Runnable {
        final AtomicLong answered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong failovers = new AtomicLong();
        private final List<PackagedService> replicas;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private long lastAnswer = System.nanoTime();
        private long longestGap;
        private int current;

        FailoverClient(List<PackagedService> replicas) {
            this.replicas = replicas;
        }

        @Override
        public void run() {
            while (running.get()) {
                boolean ok = ask(replicas.get(current));
                if (!ok) {
                    failovers.incrementAndGet();
                    current = 1 - current;
                    ok = ask(replicas.get(current));
                }
                long now = System.nanoTime();
                if (ok) {
                    answered.incrementAndGet();
                    longestGap = Math.max(longestGap, now - lastAnswer);
                    lastAnswer = now;
                } else {
                    failed.incrementAndGet();
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static boolean ask(PackagedService replica) {
            try {
                return replica.call("POST", "/decisions", DECISION_KEY, OBSERVATION).path("httpStatus").asInt() == 200;
            } catch (IOException | RuntimeException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void stop() {
            running.set(false);
        }

        long longestGapMillis() {
            return TimeUnit.NANOSECONDS.toMillis(longestGap);
        }
    }
}
