package dev.apprentice.kafka.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @Test
    void deliversRecordsAndKeepsThemAcrossARestart(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options().withDataDir(dir))) {
            int port = broker.port();
            produce(broker, "before", 100);

            broker.stop();
            assertFalse(broker.isRunning());
            broker.restart();

            assertEquals(port, broker.port());
            produce(broker, "after", 100);
            List<String> values = consumeAll(broker, 200);
            assertEquals(200, values.size());
            assertEquals("before-0", values.get(0));
            assertEquals("after-99", values.get(199));
        }
        assertTrue(Files.exists(dir.resolve("cluster.id")), "a caller-owned directory is kept");
    }

    @Test
    void deletesItsTemporaryDirectoryOnClose() {
        Path dir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options())) {
            dir = broker.dataDir();
            assertTrue(Files.isDirectory(dir));
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    void haltsOnceTheProcessThatStartedItGoesAway(@TempDir Path dir) throws Exception {
        // given a broker in its own JVM, watching its stdin as EmbeddedKafkaCluster starts it
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process node = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                EmbeddedKafkaBroker.class.getName(), "--data-dir", dir.toString(), "--exit-when-stdin-closes")
                .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
        try {
            // when its stdin ends, as it does when the parent dies
            node.getOutputStream().close();

            // then it halts without waiting for anybody
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node still runs 30 s after its stdin closed");
            assertEquals(3, node.exitValue());
        } finally {
            node.destroyForcibly();
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, String prefix, int count) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>("events", "k", prefix + "-" + i)).get();
            }
        }
    }

    private static List<String> consumeAll(EmbeddedKafkaBroker broker, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
