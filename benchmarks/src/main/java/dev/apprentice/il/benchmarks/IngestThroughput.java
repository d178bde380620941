package dev.apprentice.il.benchmarks;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.il.stream.DemonstrationIngester;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.DemonstrationValidator;
import dev.apprentice.il.stream.IngestStatistics;
import dev.apprentice.il.stream.IngesterConfig;
import dev.apprentice.il.stream.IngestionListener;
import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.il.stream.StepMapper;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Ingest throughput against the raw consumer throughput of the same broker in the same run: the
 * data-plane benchmark. One topic of lane-change-sized records (25 state floats, a discrete action)
 * is read repeatedly, alternately by a bare {@link KafkaConsumer} that only touches the bytes and by
 * the {@link DemonstrationIngester} (decode, validate, durable store with fsync, transactional
 * commit), each time with a fresh consumer group and store, after one uncounted warm-up round of
 * each. Prints records/s of both, end to end (with the consumer group join and, for the ingester,
 * topic checks and the transactional producer's start) and in steady state, and the ratios.
 *
 * <p>Arguments: {@code [records=500000] [rounds=3] [partitions=3] [flushRecords=10000]}.
 */
public final class IngestThroughput {

    private static final String DOMAIN = "bench-lane";
    private static final Box STATE = Box.uniform(25, -5f, 5f);
    private static final Discrete ACTIONS = new Discrete(5);
    private static final int EPISODE_LENGTH = 40;

    private IngestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int flushRecords = args.length > 3 ? Integer.parseInt(args[3])
                : IngesterConfig.defaults("unused:9092", "unused").flushRecords();
        Path work = Files.createTempDirectory("apprentice-ingest-bench-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options())) {
            String topic = "bench.demonstrations";
            KafkaTopics.ensure(broker.bootstrapServers(), Map.of(), topic, partitions);
            long bytes = publish(broker.bootstrapServers(), topic, records);
            System.out.printf(Locale.ROOT, "published %d records (%.1f MB) on %d partitions%n", records, bytes / 1e6,
                    partitions);
            // One uncounted round each, so both are measured with compiled code.
            rawConsumer(broker.bootstrapServers(), topic, records, "warm-raw");
            ingester(broker.bootstrapServers(), topic, records, "warm-ingest", work.resolve("store-warm"), flushRecords);
            Rate[] raw = new Rate[rounds];
            Rate[] ingest = new Rate[rounds];
            for (int r = 0; r < rounds; r++) {
                raw[r] = rawConsumer(broker.bootstrapServers(), topic, records, "raw-" + r);
                ingest[r] = ingester(broker.bootstrapServers(), topic, records, "ingest-" + r, work.resolve("store-" + r),
                        flushRecords);
                System.out.printf(Locale.ROOT, "round %d: raw consumer %,.0f rec/s (steady %,.0f), ingester %,.0f rec/s"
                        + " (steady %,.0f)%n", r + 1, raw[r].endToEnd(), raw[r].steady(), ingest[r].endToEnd(),
                        ingest[r].steady());
            }
            double rawEnd = median(raw, Rate::endToEnd);
            double rawSteady = median(raw, Rate::steady);
            double ingestEnd = median(ingest, Rate::endToEnd);
            double ingestSteady = median(ingest, Rate::steady);
            System.out.println();
            System.out.println("| records/s, median of " + rounds + " | end to end | ratio | steady state | ratio |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| raw consumer (bytes only) | %,.0f | 1.00 | %,.0f | 1.00 |%n", rawEnd,
                    rawSteady);
            System.out.printf(Locale.ROOT, "| ingester (decode + validate + fsync'd store + transactional commit) | %,.0f"
                    + " | %.2f | %,.0f | %.2f |%n", ingestEnd, ingestEnd / rawEnd, ingestSteady, ingestSteady / rawSteady);
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long publish(String bootstrap, String topic, int records) {
        AvroSingleObjectCodec<Demonstration> codec = AvroSingleObjectCodec.forClass(Demonstration.class);
        SplittableRandom rng = new SplittableRandom(1);
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        long bytes = 0;
        try (DemonstrationPublisher<Demonstration> pub = DemonstrationPublisher.forEnvelopes(bootstrap, topic,
                PayloadFormat.AVRO_SINGLE_OBJECT, Map.of())) {
            for (int i = 0; i < records; i++) {
                int episode = i / EPISODE_LENGTH;
                int step = i % EPISODE_LENGTH;
                float[] state = new float[25];
                for (int k = 0; k < state.length; k++) {
                    state[k] = (float) (rng.nextDouble() * 10 - 5);
                }
                ExpertStep s = new ExpertStep(DOMAIN, "driver-" + (episode % 13), "ep-" + episode, step,
                        t0.plusMillis(i * 1000L), state, new float[] {rng.nextInt(5)}, true,
                        step == EPISODE_LENGTH - 1, false, null, Map.of("style", "normal"));
                byte[] value = codec.encode(DemonstrationEnvelope.toEnvelope(s));
                bytes += value.length;
                pub.publishBytes(DemonstrationPublisher.episodeKey(s.source(), s.episode()), value);
            }
        }
        return bytes;
    }

    /**
     * Records/s: end to end from creating the consumer until the last record, and steady state from
     * the first record polled (excluding that poll) until the last.
     */
    private record Rate(double endToEnd, double steady) {
    }

    /** A bare consumer that reads every value and sums its length. */
    private static Rate rawConsumer(String bootstrap, String topic, int records, String group) {
        Map<String, Object> p = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, IngesterConfig.defaults(bootstrap, topic).maxPollRecords());
        long start = System.nanoTime();
        long seen = 0;
        long checksum = 0;
        long firstPollEnd = 0;
        long afterFirstPoll = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (seen < records) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    checksum += r.value().length;
                    seen++;
                }
                if (firstPollEnd == 0 && seen > 0) {
                    firstPollEnd = System.nanoTime();
                    afterFirstPoll = seen;
                }
            }
        }
        long end = System.nanoTime();
        if (checksum == 0) {
            throw new IllegalStateException("read no bytes");
        }
        return new Rate(records / ((end - start) / 1e9), (records - afterFirstPoll) / ((end - firstPollEnd) / 1e9));
    }

    /** The ingester, from start until it has committed every record; steady state from its first commit. */
    private static Rate ingester(String bootstrap, String topic, int records, String group, Path storeDir,
            int flushRecords) throws InterruptedException {
        IngesterConfig base = IngesterConfig.defaults(bootstrap, topic).withGroupId(group);
        IngesterConfig config = base.withBatching(base.maxPollRecords(), flushRecords, base.flushInterval());
        long start = System.nanoTime();
        long[] firstCommit = new long[2];
        IngestionListener timing = new IngestionListener() {
            @Override
            public void batchCommitted(IngestStatistics totals) {
                if (firstCommit[0] == 0) {
                    firstCommit[0] = System.nanoTime();
                    firstCommit[1] = totals.consumed();
                }
            }
        };
        try (DemonstrationStore store = DemonstrationStore.open(storeDir);
                DemonstrationIngester<ExpertStep> ingester = new DemonstrationIngester<>(config,
                        PayloadFormat.AVRO_SINGLE_OBJECT.stepCodec(), StepMapper.identity(),
                        new DemonstrationValidator(DOMAIN, STATE, ACTIONS), store, timing)) {
            ingester.start();
            while (ingester.statistics().consumed() < records) {
                if (ingester.failure() != null) {
                    throw new IllegalStateException("ingester failed", ingester.failure());
                }
                Thread.sleep(2);
            }
            long end = System.nanoTime();
            if (ingester.statistics().stored() != records) {
                throw new IllegalStateException("stored " + ingester.statistics() + ", expected " + records);
            }
            return new Rate(records / ((end - start) / 1e9), (records - firstCommit[1]) / ((end - firstCommit[0]) / 1e9));
        }
    }

    private static double median(Rate[] rates, ToDoubleFunction<Rate> which) {
        double[] v = Arrays.stream(rates).mapToDouble(which).sorted().toArray();
        return v[v.length / 2];
    }
}
