package dev.apprentice.lanechange.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.sim.HighwaySimulator;
import dev.apprentice.lanechange.sim.LaneChangeExpert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

class ExpertProducerCommandTest {

    @Test
    void publishesEveryDecisionOfTheRequestedEpisodesToTheTopic() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options())) {
            ExpertProducerCommand.main(new String[] {"--bootstrap-servers", broker.bootstrapServers(), "--expert",
                    "cautious", "--episodes", "3", "--first-seed", "5"});

            long expected = 0;
            for (long seed = 5; seed < 8; seed++) {
                expected += ExpertRecorder.record(LaneChangeDomain.NAME, "sim-cautious", "seed-" + seed,
                        new HighwaySimulator(), new LaneChangeExpert(DriverStyle.CAUTIOUS), seed, 40, Instant.EPOCH,
                        Duration.ofSeconds(1), Map.of()).size();
            }
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(LaneChangeDomain.TOPIC).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                long published = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();

                assertEquals(3, partitions.size());
                assertEquals(expected, published);
                assertTrue(consumer.listTopics().containsKey(LaneChangeDomain.TOPIC + ".dlq"), "dead-letter topic created");
            }
        }
    }

    @Test
    void refusesToRunWithoutABrokerAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExpertProducerCommand.main(new String[] {"--expert", "normal"}));
        assertTrue(e.getMessage().startsWith("--bootstrap-servers"), e.getMessage());
    }
}
