package dev.apprentice.anesthesia.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.mapping.AnesthesiaRecords;
import dev.apprentice.anesthesia.schema.AnesthesiaDemonstration;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasePublisherTest {

    private static final AvroSingleObjectCodec<AnesthesiaDemonstration> CODEC =
            AvroSingleObjectCodec.forClass(AnesthesiaDemonstration.class);
    private static final AnesthesiaRecords RECORDS = new AnesthesiaRecords();
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private ImportedCase sampleCase(String caseId, SampleCaseFile sample) throws IOException {
        Path path = sample.write(dir.resolve(caseId + ".csv"));
        return new CaseConverter(ImportLimits.defaults()).convert(CaseFile.read(path, TrackMapping.vitalDb(),
                ImportLimits.defaults()), TrackMapping.vitalDb(), CaseIdentity.recorded(caseId, "dr-a",
                SampleCaseFile.PATIENT).startingAt(Instant.now().minus(Duration.ofHours(2))));
    }

    /** Every record a read_committed consumer sees, read up to the last stable offset of every partition. */
    /**
     * Every committed record of the topic. A producer's commit returns before the coordinator has
     * written the commit markers, and until then the last stable offset a read_committed consumer
     * reads to lags the log's end; so it waits until the two meet (no transaction open), then reads.
     */
    private static List<ConsumerRecord<String, byte[]>> committed(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaConsumer<String, byte[]> uncommitted = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"), new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(20);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!end.equals(uncommitted.endOffsets(partitions))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("a transaction on " + topic + " stayed open");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                end = consumer.endOffsets(partitions);
            }
            Map<TopicPartition, Long> stable = end;
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < stable.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("timed out reading " + topic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    @Test
    void givenAValidCaseWhenPublishedThenAReadCommittedConsumerSeesEveryRecordKeyedByEpisode() throws IOException {
        String topic = "published.demonstrations";
        KafkaTopics.ensure(broker.bootstrapServers(), Map.of(), topic, 3);
        ImportedCase c = sampleCase("case-ok", SampleCaseFile.of(900).withoutBis(400, 520));

        int sent;
        try (CasePublisher publisher = new CasePublisher(broker.bootstrapServers(), topic, CODEC,
                CasePublisher.transactionalId("dr-a", "case-ok"), Map.of())) {
            sent = publisher.publish(c);
        }
        // commitTransaction returns once the coordinator has decided; the partitions' commit markers (which
        // move the last stable offset a read_committed consumer reads to) follow asynchronously.
        List<ConsumerRecord<String, byte[]>> seen = committed(topic);
        Instant deadline = Instant.now().plusSeconds(20);
        while (seen.size() < sent && Instant.now().isBefore(deadline)) {
            seen = committed(topic);
        }

        assertEquals(2, c.episodes().size(), "the sample's gap cuts it in two");
        assertEquals(c.decisions(), sent);
        assertEquals(c.decisions(), seen.size());
        for (ConsumerRecord<String, byte[]> r : seen) {
            ExpertStep step = RECORDS.toStep(CODEC.decode(r.value()));
            assertEquals(DemonstrationPublisher.episodeKey("dr-a", step.episode()), r.key());
            AnesthesiaDomain.withDefaults().validator().validate(step);
        }
    }

    /**
     * Refuses, at send time, every record larger than a configured size, as a broker or producer
     * size limit would; partitions the others by key like the default partitioner.
     */
    public static final class RefusingPartitioner implements Partitioner {

        static final String REFUSE_ABOVE_BYTES = "test.refuse-above-bytes";
        private int limit;

        @Override
        public void configure(Map<String, ?> configs) {
            limit = Integer.parseInt(configs.get(REFUSE_ABOVE_BYTES).toString());
        }

        @Override
        public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
            if (valueBytes.length > limit) {
                throw new RecordTooLargeException("test: " + valueBytes.length + " bytes, above " + limit);
            }
            return Utils.toPositive(Utils.murmur2(keyBytes)) % cluster.partitionsForTopic(topic).size();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void givenASendRefusedAtTheLastRecordWhenPublishedThenTheTransactionIsAbortedAndNoRecordIsVisible()
            throws IOException {
        String topic = "aborted.demonstrations";
        KafkaTopics.ensure(broker.bootstrapServers(), Map.of(), topic, 1);
        ImportedCase c = sampleCase("case-cut", SampleCaseFile.of(900));
        List<AnesthesiaDemonstration> records = c.records();
        AnesthesiaDemonstration last = records.get(records.size() - 1);
        int largestOther = 0;
        for (AnesthesiaDemonstration r : records) {
            if (r != last) {
                largestOther = Math.max(largestOther, CODEC.encode(r).length);
            }
        }
        // One segment, so one terminal record, the only one with a final observation: the largest.
        assertTrue(CODEC.encode(last).length > largestOther, "the terminal record is the largest");

        IllegalStateException e;
        try (CasePublisher publisher = new CasePublisher(broker.bootstrapServers(), topic, CODEC,
                CasePublisher.transactionalId("dr-a", "case-cut"), Map.of(
                        ProducerConfig.PARTITIONER_CLASS_CONFIG, RefusingPartitioner.class.getName(),
                        RefusingPartitioner.REFUSE_ABOVE_BYTES, largestOther))) {
            e = assertThrows(IllegalStateException.class, () -> publisher.publish(c));
        }

        assertTrue(e.getMessage().contains("case case-cut not published, its transaction was aborted"), e.getMessage());
        assertTrue(e.getMessage().contains("records failed: test: " + CODEC.encode(last).length + " bytes"), e.getMessage());
        assertEquals(0, committed(topic).size());
    }

    @Test
    void givenTheImportCommandWhenRunOnAFileThenTheCaseIsPublishedAndSummarised() throws IOException {
        Path file = SampleCaseFile.of(900).write(dir.resolve("cmd.csv"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ImportCommand.run(new String[] {"--bootstrap-servers", broker.bootstrapServers(), "--file",
                file.toString(), "--case-id", "case-cmd", "--clinician", "dr-b", "--age", "40", "--sex", "male",
                "--weight-kg", "70", "--height-cm", "175", "--case-start", "2024-05-01T08:00:00Z"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        // First drug at file time 120, last row 899: decisions at elapsed 0, 10, … 760, final observation at 770.
        assertTrue(printed.contains("case case-cmd: 77 decisions in 1 segment (case-cmd)"), printed);
        assertTrue(printed.contains("IMPORTED 77"), printed);
        assertTrue(printed.contains("published 77 records of case case-cmd to anesthesia.demonstrations"), printed);
        assertEquals(77, committed(AnesthesiaDomain.NAME + ".demonstrations").stream()
                .filter(r -> r.key().equals("dr-b/case-cmd")).count());
    }
}
