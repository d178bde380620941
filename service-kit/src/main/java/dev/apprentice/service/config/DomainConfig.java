package dev.apprentice.service.config;

/**
 * The kit's settings that one hosted domain's services read: Kafka, storage, training, serving and
 * the expert producer. A service hosting one domain hands every domain the application's own
 * mappings.
 *
 * @param kafka the {@code apprentice.kafka.*} keys
 * @param storage the {@code apprentice.storage.*} keys
 * @param training the {@code apprentice.training.*} keys
 * @param serving the {@code apprentice.serving.*} keys
 * @param producer the {@code apprentice.producer.*} keys
 */
public record DomainConfig(KafkaSettings kafka, StorageSettings storage, TrainingSettings training,
        ServingSettings serving, ProducerSettings producer) {
}
