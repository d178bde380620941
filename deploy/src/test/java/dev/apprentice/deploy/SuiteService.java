package dev.apprentice.deploy;

import dev.apprentice.il.stream.DeadLetter;
import dev.apprentice.il.stream.IngestLedger;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One of the suite's four services as the manifests must run it: its HTTP port and the domains it hosts,
 * from which the topics it reads and writes follow the kit's naming.
 *
 * @param name the module and application name
 * @param port the HTTP port ({@code quarkus.http.port})
 * @param domains the domains it hosts, each under /api/v1/&lt;domain&gt;
 */
public record SuiteService(String name, int port, List<String> domains) {

    /** The four services (their READMEs and domain classes name the domains). */
    public static final List<SuiteService> ALL = List.of(
            new SuiteService("driving-lane-change", 8080, List.of("lane-change")),
            new SuiteService("anesthesia-ppf-rftn", 8081, List.of("anesthesia")),
            new SuiteService("phone-security", 8082, List.of("phone-security")),
            new SuiteService("starcraft-replay", 8083, List.of("starcraft", "starcraft-move-to-beacon",
                    "starcraft-collect-mineral-shards", "starcraft-defeat-roaches")));

    /** The service's packaged settings ({@code src/main/resources/application.properties}). */
    public Properties properties(Path repositoryRoot) {
        Path file = repositoryRoot.resolve(name).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    /**
     * Every topic the service uses, as the kit names it: per domain the demonstrations topic (the
     * environment's or packaged setting, else {@code <domain>.demonstrations}), its dead-letter topic and
     * the policy topic. With several domains the topic keys are per-domain keys, which only the
     * properties can set (environment variables set the service's keys only).
     *
     * @param environment the environment of the service's ingesting container
     */
    public List<ServiceTopic> topics(Path repositoryRoot, Map<String, String> environment) {
        Properties properties = properties(repositoryRoot);
        List<ServiceTopic> topics = new ArrayList<>();
        for (String domain : domains) {
            String topicKey;
            String policyKey;
            Optional<String> topicFromEnvironment = Optional.empty();
            Optional<String> policyFromEnvironment = Optional.empty();
            if (domains.size() == 1) {
                topicKey = "apprentice.kafka.topic";
                policyKey = "apprentice.kafka.policy-topic";
                topicFromEnvironment = Optional.ofNullable(environment.get("APPRENTICE_KAFKA_TOPIC"));
                policyFromEnvironment = Optional.ofNullable(environment.get("APPRENTICE_KAFKA_POLICY_TOPIC"));
            } else {
                topicKey = "apprentice.domains.\"" + domain + "\".kafka.topic";
                policyKey = "apprentice.domains.\"" + domain + "\".kafka.policy-topic";
            }
            String topic = topicFromEnvironment.or(() -> prodValue(properties, topicKey))
                    .orElse(domain + ".demonstrations");
            String policy = policyFromEnvironment.or(() -> prodValue(properties, policyKey))
                    .orElse(domain + ".policies");
            topics.add(new ServiceTopic(topic, ServiceTopic.Role.DEMONSTRATIONS, domain));
            topics.add(new ServiceTopic(DeadLetter.topicFor(topic), ServiceTopic.Role.DEAD_LETTERS, domain));
            topics.add(new ServiceTopic(IngestLedger.topicFor(topic), ServiceTopic.Role.LEDGER, domain));
            topics.add(new ServiceTopic(policy, ServiceTopic.Role.POLICIES, domain));
        }
        return topics;
    }

    /** A key as the packaged (prod) profile reads it. */
    private static Optional<String> prodValue(Properties properties, String key) {
        return Optional.ofNullable(properties.getProperty("%prod." + key)).or(() -> Optional.ofNullable(
                properties.getProperty(key)));
    }

    /**
     * A topic one service uses.
     *
     * @param name the topic
     * @param role what it carries
     * @param domain the domain it belongs to
     */
    public record ServiceTopic(String name, Role role, String domain) {

        /** What a topic carries, which decides how it must be configured. */
        public enum Role {
            /** Expert demonstrations, keyed by episode, case or user. */
            DEMONSTRATIONS,
            /** Records the ingester could not store, with the reason. */
            DEAD_LETTERS,
            /** Each ingesting replica's last committed batch; compacted. */
            LEDGER,
            /** Promoted policy artefacts keyed by model id: must be compacted. */
            POLICIES
        }
    }
}
