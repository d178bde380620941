package dev.apprentice.service.ingest;

import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.ImitationDomain;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * The expert producer as a command, for feeding any cluster a service reads from:
 * {@code ./apprentice <domain> produce --bootstrap-servers HOST:PORT [--expert NAME] [--episodes 10]
 * [--first-seed 0] [--topic <domain>.demonstrations] [--format avro-single-object]}. Creates the
 * topic (3 partitions) and its dead-letter topic when missing. A domain's main calls {@link #run}.
 */
public final class ProduceCommand {

    private ProduceCommand() {
    }

    /**
     * Parses the options, publishes, and prints what was published.
     *
     * @throws IllegalArgumentException naming the option for bad options
     */
    public static ExpertProducer.Publication run(ImitationDomain domain, String[] args) {
        ExpertSimulation sim = domain.simulation().orElseThrow(() -> new IllegalArgumentException(domain.name()
                + " has no simulated experts to publish"));
        String bootstrap = null;
        String expert = sim.defaultExpert();
        int episodes = 10;
        long firstSeed = 0;
        String topic = domain.name() + ".demonstrations";
        String format = PayloadFormat.AVRO_SINGLE_OBJECT.configName();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + ": expected a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = v;
                case "--expert" -> expert = v;
                case "--episodes" -> episodes = Integer.parseInt(v);
                case "--first-seed" -> firstSeed = Long.parseLong(v);
                case "--topic" -> topic = v;
                case "--format" -> format = v;
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: --bootstrap-servers"
                        + " HOST:PORT --expert " + String.join("|", sim.experts()) + " --episodes N --first-seed S"
                        + " --topic T --format F");
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap-servers: expected host:port of the Kafka cluster");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes: expected at least 1, found " + episodes);
        }
        if (!sim.experts().contains(expert)) {
            throw new IllegalArgumentException("--expert: expected one of " + sim.experts() + ", found '" + expert + "'");
        }
        KafkaTopics.ensureWithDeadLetters(bootstrap, Map.of(), topic, 3);
        try (DemonstrationPublisher<SpecificRecord> out = ExpertProducer.publisher(bootstrap, topic, PayloadFormat.parse(format),
                domain.records())) {
            ExpertProducer.Publication p = ExpertProducer.publish(out, sim, domain.records(), expert, episodes, firstSeed,
                    Duration.ofSeconds(1));
            System.out.printf("published %d %s episodes (seeds %d..%d, %d failed): %d records to %s%n", p.episodes(),
                    p.expert(), p.firstSeed(), p.firstSeed() + p.episodes() - 1, p.failures(), p.records(), topic);
            return p;
        }
    }
}
