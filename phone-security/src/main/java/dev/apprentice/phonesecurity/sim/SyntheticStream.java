package dev.apprentice.phonesecurity.sim;

import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.mapping.BehaviourRecords;
import dev.apprentice.phonesecurity.privacy.BehaviourSealing;
import dev.apprentice.phonesecurity.schema.BehaviourRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;

/**
 * Publishes synthetic users' sessions, each sealed with its user's data key, to the behaviour
 * topic: the producer command, the demo and the end-to-end tests use it. Every session is drawn
 * from its own seed, so a rerun publishes the same samples.
 *
 * @param bootstrapServers the Kafka cluster
 * @param topic the behaviour topic
 * @param format the payload format
 * @param seed the population's seed
 * @param driftPerDay the population's daily drift
 */
public record SyntheticStream(String bootstrapServers, String topic, PayloadFormat format, long seed, double driftPerDay) {

    /** What a run published. */
    public record Publication(long sessions, long records) {
    }

    /** The population these users come from, with sessions ending yesterday. */
    public SyntheticPopulation population(int days) {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return SyntheticPopulation.create(seed, PopulationConfig.defaults().withDriftPerDay(driftPerDay)
                .withFirstDay(today.minus(Duration.ofDays(days))));
    }

    /** Publishes {@code sessions} sessions over {@code days} days for users {@code firstUser ...}. */
    public Publication publish(BehaviourSealing sealing, int firstUser, int users, int sessions, int days) {
        SyntheticPopulation population = population(days);
        BehaviourRecords records = new BehaviourRecords(sealing);
        KafkaTopics.ensureWithDeadLetters(bootstrapServers, Map.of(), topic, 3);
        long published = 0;
        long sent = 0;
        try (DemonstrationPublisher<BehaviourRecord> out = new DemonstrationPublisher<>(bootstrapServers, topic,
                format.codecFor(BehaviourRecord.class), records::episodeKey, Map.of())) {
            for (int u = firstUser; u < firstUser + users; u++) {
                SyntheticUser user = population.user(u);
                for (int k = 0; k < sessions; k++) {
                    int day = (int) ((long) k * days / sessions);
                    Random random = new Random(Draws.seed(seed, u, k));
                    for (BehaviourSample sample : population.session(user, day, "d" + day + "-s" + k, random)) {
                        out.publish(sealing.seal(sample));
                        sent++;
                    }
                    published++;
                }
            }
            out.flush();
        }
        return new Publication(published, sent);
    }
}
