package dev.apprentice.service.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The kit's settings that one hosted domain's services read: Kafka, storage, training, serving and
 * the expert producer. A service hosting one domain hands it the application's own mappings. A
 * service hosting several builds one per domain ({@link #forDomain}): {@code
 * apprentice.domains."<name>".<key>} overrides {@code apprentice.<key>}, and the keys that must
 * differ between domains ({@link #PER_DOMAIN_KEYS}) may only be set per domain.
 *
 * @param kafka the {@code apprentice.kafka.*} keys
 * @param storage the {@code apprentice.storage.*} keys
 * @param training the {@code apprentice.training.*} keys
 * @param serving the {@code apprentice.serving.*} keys
 * @param producer the {@code apprentice.producer.*} keys
 */
public record DomainConfig(KafkaSettings kafka, StorageSettings storage, TrainingSettings training,
        ServingSettings serving, ProducerSettings producer) {

    /** Keys (after {@code apprentice.}) that two domains of one service cannot share: topics, groups, directories. */
    public static final List<String> PER_DOMAIN_KEYS = List.of("kafka.topic", "kafka.policy-topic", "kafka.group-id",
            "kafka.transactional-id", "storage.store-directory", "storage.registry-directory",
            "storage.state-directory");

    /** The ordinal of a domain's overrides: above every source of the service's own keys. */
    private static final int OVERRIDES = 10_000;

    /** The groups of keys a domain may override; the others (security, HTTP, shutdown) are the service's. */
    private static final List<String> DOMAIN_PREFIXES = List.of("kafka.", "storage.", "training.", "serving.",
            "producer.");

    /**
     * The settings of {@code domain} in a service hosting several domains.
     *
     * @throws IllegalArgumentException when a key of {@link #PER_DOMAIN_KEYS} is set globally, naming
     *         the per-domain key to set instead
     */
    public static DomainConfig forDomain(Config config, String domain) {
        for (String key : PER_DOMAIN_KEYS) {
            if (config.getOptionalValue("apprentice." + key, String.class).isPresent()) {
                throw new IllegalArgumentException("apprentice." + key + ": a service hosting several domains sets it per"
                        + " domain, as apprentice.domains.\"" + domain + "\"." + key + ", found a value for all of them");
            }
        }
        Map<String, String> overrides = new HashMap<>();
        Map<String, String> environmentOverrides = new HashMap<>();
        List<String> ownPrefixes = List.of("apprentice.domains.\"" + domain + "\".", "apprentice.domains." + domain + ".");
        String ownEnvironmentPrefix = "APPRENTICE_DOMAINS__" + environmentName(domain) + "__";
        for (String name : config.getPropertyNames()) {
            String key = name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name;
            for (String own : ownPrefixes) {
                if (key.startsWith(own) && isDomainKey(key.substring(own.length()))) {
                    config.getOptionalValue(key, String.class)
                            .ifPresent(v -> overrides.put("apprentice." + key.substring(own.length()), v));
                }
            }
            // APPRENTICE_DOMAINS__STARCRAFT_MOVE_TO_BEACON__KAFKA_TOPIC: the environment's spelling of
            // apprentice.domains."starcraft-move-to-beacon".kafka.topic, read as APPRENTICE_KAFKA_TOPIC would be.
            if (name.startsWith(ownEnvironmentPrefix) && isDomainKey(name.substring(ownEnvironmentPrefix.length())
                    .toLowerCase(java.util.Locale.ROOT).replace('_', '.'))) {
                String value = config.getConfigValue(name).getValue();
                if (value != null) {
                    environmentOverrides.put("APPRENTICE_" + name.substring(ownEnvironmentPrefix.length()), value);
                }
            }
        }
        // The service's own sources (properties, system properties, environment variables: SmallRye maps
        // APPRENTICE_KAFKA_BOOTSTRAP_SERVERS to its key itself) under the domain's overrides, which win.
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(KafkaSettings.class)
                .withMapping(StorageSettings.class).withMapping(TrainingSettings.class)
                .withMapping(ServingSettings.class).withMapping(ProducerSettings.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(overrides, "apprentice.domains.\"" + domain + "\"", OVERRIDES))
                .withSources(new EnvConfigSource(environmentOverrides, OVERRIDES + 1) {
                });
        for (ConfigSource source : config.getConfigSources()) {
            builder.withSources(source);
        }
        if (config instanceof SmallRyeConfig service) {
            builder.withProfiles(service.getProfiles());
        }
        SmallRyeConfig own = builder.build();
        return new DomainConfig(own.getConfigMapping(KafkaSettings.class), own.getConfigMapping(StorageSettings.class),
                own.getConfigMapping(TrainingSettings.class), own.getConfigMapping(ServingSettings.class),
                own.getConfigMapping(ProducerSettings.class));
    }

    /** A domain's name as environment variables spell it: upper case, every other character an underscore. */
    public static String environmentName(String domain) {
        StringBuilder b = new StringBuilder(domain.length());
        for (char c : domain.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return b.toString();
    }

    private static boolean isDomainKey(String key) {
        return DOMAIN_PREFIXES.stream().anyMatch(key::startsWith);
    }
}
