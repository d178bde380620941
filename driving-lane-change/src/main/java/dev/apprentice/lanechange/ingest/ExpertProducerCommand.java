package dev.apprentice.lanechange.ingest;

import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.schema.LaneChangeDemonstration;
import dev.apprentice.lanechange.sim.DriverStyle;
import java.time.Duration;
import java.util.Map;

/**
 * The expert producer as a command, for feeding any cluster the service reads from:
 * {@code ./apprentice lane-change produce --bootstrap-servers HOST:PORT [--style normal]
 * [--episodes 10] [--first-seed 0] [--topic lane-change.demonstrations] [--format avro-single-object]}.
 * Creates the topic (3 partitions) and its dead-letter topic when missing.
 */
public final class ExpertProducerCommand {

    private ExpertProducerCommand() {
    }

    public static void main(String[] args) {
        String bootstrap = null;
        String style = "normal";
        int episodes = 10;
        long firstSeed = 0;
        String topic = LaneChangeDomain.TOPIC;
        String format = PayloadFormat.AVRO_SINGLE_OBJECT.configName();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + ": expected a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = v;
                case "--style" -> style = v;
                case "--episodes" -> episodes = Integer.parseInt(v);
                case "--first-seed" -> firstSeed = Long.parseLong(v);
                case "--topic" -> topic = v;
                case "--format" -> format = v;
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: --bootstrap-servers"
                        + " HOST:PORT --style cautious|normal|assertive --episodes N --first-seed S --topic T --format F");
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap-servers: expected host:port of the Kafka cluster");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes: expected at least 1, found " + episodes);
        }
        DriverStyle driverStyle = DriverStyle.byName(style);
        KafkaTopics.ensureWithDeadLetters(bootstrap, Map.of(), topic, 3);
        try (DemonstrationPublisher<LaneChangeDemonstration> out = new DemonstrationPublisher<>(bootstrap, topic,
                PayloadFormat.parse(format).codecFor(LaneChangeDemonstration.class),
                r -> DemonstrationPublisher.episodeKey(r.getDriverId(), r.getEpisode()), Map.of())) {
            ExpertProducer.Publication p = ExpertProducer.publish(out, driverStyle, episodes, firstSeed, Duration.ofSeconds(1));
            System.out.printf("published %d %s episodes (seeds %d..%d, %d collisions): %d records to %s%n", p.episodes(),
                    p.style(), p.firstSeed(), p.firstSeed() + p.episodes() - 1, p.collisions(), p.records(), topic);
        }
    }
}
