package dev.apprentice.service.hosting;

import dev.apprentice.service.adaptation.AdaptationService;
import dev.apprentice.service.config.DomainConfig;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.ingest.ExpertProducer;
import dev.apprentice.service.ingest.IngestionReadiness;
import dev.apprentice.service.serving.PolicyReadiness;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.PolicyTopic;
import dev.apprentice.service.training.TrainingService;

/**
 * What the kit runs for one hosted domain: its settings, the ingester and store, the expert
 * producer, serving and the policy topic, the training jobs and the two readiness checks.
 *
 * @param config the settings the domain's services read
 * @param settings the settings with the domain's defaults filled in
 * @param ingestion the demonstrations topic's ingester and the store
 * @param producer the simulated experts' publisher
 * @param serving the registry and the served policies
 * @param policyTopic the promoted policies' topic
 * @param training the training-job queue and automatic training
 * @param adaptation adaptations of the meta-model to one person
 * @param policyReadiness readiness of serving
 * @param ingestionReadiness readiness of ingestion
 */
public record DomainServices(DomainConfig config, DomainSettings settings, DemonstrationIngestion ingestion,
        ExpertProducer producer, PolicyServing serving, PolicyTopic policyTopic, TrainingService training,
        AdaptationService adaptation, PolicyReadiness policyReadiness, IngestionReadiness ingestionReadiness) {

    /** The domain's name: its path segment, topic prefix and metric tag. */
    public String name() {
        return settings.domain().name();
    }

    /** The domain. */
    public ImitationDomain domain() {
        return settings.domain();
    }

    /** Stops the domain's parts, producer first and ingestion last, so that the store is left clean (idempotent). */
    public void stop() {
        producer.close();
        training.stop();
        policyTopic.close();
        ingestion.close();
    }
}
