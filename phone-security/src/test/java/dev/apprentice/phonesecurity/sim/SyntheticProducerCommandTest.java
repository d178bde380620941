package dev.apprentice.phonesecurity.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.mapping.BehaviourRecords;
import dev.apprentice.phonesecurity.privacy.BehaviourSealing;
import dev.apprentice.phonesecurity.privacy.UserDataKeys;
import dev.apprentice.phonesecurity.schema.BehaviourRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticProducerCommandTest {

    private static final String MASTER = UserDataKeys.generateMasterKey();

    @TempDir
    Path dir;

    /** Held, so that the loggers keep their level: java.util.logging forgets loggers nobody references. */
    private static final List<Logger> QUIETENED = new ArrayList<>();

    @BeforeAll
    static void quietenTheBroker() {
        // The embedded broker and the clients are chatty at INFO; their warnings are enough here (BUILD-NOTES).
        for (String category : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIETENED.add(logger);
        }
    }

    @Test
    void badOptionsExitWithTwoNamingTheOption() {
        String keys = dir.resolve("keys").toString();
        Map<String, String[]> cases = new TreeMap<>(Map.of(
                "--bootstrap-servers", new String[] {"--keys-dir", keys},
                "--keys-dir", new String[] {"--bootstrap-servers", "localhost:1"},
                "--users", new String[] {"--bootstrap-servers", "localhost:1", "--keys-dir", keys, "--users", "0"},
                "--sessions", new String[] {"--bootstrap-servers", "localhost:1", "--keys-dir", keys, "--sessions", "many"},
                "--drift-per-day", new String[] {"--bootstrap-servers", "localhost:1", "--keys-dir", keys, "--drift-per-day",
                    "2"},
                "--format", new String[] {"--bootstrap-servers", "localhost:1", "--keys-dir", keys, "--format", "csv"},
                "--topic", new String[] {"--bootstrap-servers", "localhost:1", "--keys-dir", keys, "--topic", "a b"},
                "'--colour'", new String[] {"--bootstrap-servers", "localhost:1", "--colour", "red"}));
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = SyntheticProducerCommand.run(c.getValue(), MASTER, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertEquals(2, status, c.getKey());
            assertTrue(err.toString(StandardCharsets.UTF_8).contains(c.getKey()), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMissingOrForeignMasterKeyExitsWithTwoNamingTheOptionWithoutEchoingIt() {
        String[] args = {"--bootstrap-servers", "localhost:1", "--keys-dir", dir.resolve("keys").toString()};
        UserDataKeys.open(dir.resolve("keys"), MASTER);
        String other = UserDataKeys.generateMasterKey();
        ByteArrayOutputStream missing = new ByteArrayOutputStream();
        ByteArrayOutputStream foreign = new ByteArrayOutputStream();

        int withoutKey = SyntheticProducerCommand.run(args, null, System.out, new PrintStream(missing, true, StandardCharsets.UTF_8));
        int withOtherKey = SyntheticProducerCommand.run(args, other, System.out,
                new PrintStream(foreign, true, StandardCharsets.UTF_8));

        assertEquals(2, withoutKey);
        assertTrue(missing.toString(StandardCharsets.UTF_8).startsWith("produce: --master-key: "), missing.toString());
        assertEquals(2, withOtherKey);
        assertTrue(foreign.toString(StandardCharsets.UTF_8).startsWith("produce: --master-key: does not open the key ring"),
                foreign.toString());
        assertFalse(foreign.toString(StandardCharsets.UTF_8).contains(other));
    }

    @Test
    void publishesEveryUsersSessionsSealedKeyedByUserAndClosed() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options())) {
            // given
            Path keys = dir.resolve("keys");
            String[] args = {"--bootstrap-servers", broker.bootstrapServers(), "--keys-dir", keys.toString(), "--users", "3",
                "--first-user", "10", "--sessions", "4", "--days", "2", "--topic", "behaviour-test"};
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            // when
            int status = SyntheticProducerCommand.run(args, MASTER, new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);

            // then
            assertEquals(0, status);
            List<ConsumerRecord<String, byte[]>> published = readAll(broker, "behaviour-test");
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("published 12 sessions of 3 users ("
                    + published.size() + " records)"), out.toString(StandardCharsets.UTF_8));
            AvroSingleObjectCodec<BehaviourRecord> codec = AvroSingleObjectCodec.forClass(BehaviourRecord.class);
            BehaviourSealing sealing = new BehaviourSealing(UserDataKeys.open(keys, MASTER));
            Map<String, List<BehaviourSample>> sessions = new TreeMap<>();
            for (ConsumerRecord<String, byte[]> r : published) {
                BehaviourSample sample = sealing.open(codec.decode(r.value()));
                assertEquals(sample.userId(), r.key());
                assertTrue(sample.capturedAt().isBefore(Instant.now()), "sessions lie in the past");
                sessions.computeIfAbsent(sample.userId() + "/" + sample.sessionId(), s -> new ArrayList<>()).add(sample);
            }
            assertEquals(12, sessions.size());
            for (List<BehaviourSample> session : sessions.values()) {
                for (int i = 0; i < session.size(); i++) {
                    assertEquals(i, session.get(i).sequence(), "in order within its partition");
                    assertEquals(i == session.size() - 1, session.get(i).endsSession());
                }
            }
            assertTrue(sessions.containsKey("user-10/d0-s0") && sessions.containsKey("user-12/d1-s3"), sessions.keySet()
                    .toString());
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(EmbeddedKafkaBroker broker, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }
}
