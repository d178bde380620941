package dev.apprentice.service.hosting;

import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.ingest.ExpertProducer;
import dev.apprentice.service.ingest.KafkaConnection;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.PolicyTopic;
import dev.apprentice.service.training.TrainingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The only domain's services as beans, so that a service hosting one domain injects its settings,
 * ingestion, serving or training directly. In a service hosting several, injecting one of them
 * fails with a message naming the domains: such a service asks {@link DomainRegistry} by name.
 * The registry closes them; these producers only hand them out.
 */
@ApplicationScoped
public class SingleDomainBeans {

    private final DomainRegistry registry;

    public SingleDomainBeans(DomainRegistry registry) {
        this.registry = registry;
    }

    @Produces
    @Singleton
    DomainSettings settings() {
        return registry.only().settings();
    }

    @Produces
    @Singleton
    KafkaConnection connection() {
        return registry.connection();
    }

    @Produces
    @Singleton
    DemonstrationIngestion ingestion() {
        return registry.only().ingestion();
    }

    @Produces
    @Singleton
    ExpertProducer producer() {
        return registry.only().producer();
    }

    @Produces
    @Singleton
    PolicyServing serving() {
        return registry.only().serving();
    }

    @Produces
    @Singleton
    PolicyTopic policyTopic() {
        return registry.only().policyTopic();
    }

    @Produces
    @Singleton
    TrainingService training() {
        return registry.only().training();
    }
}
