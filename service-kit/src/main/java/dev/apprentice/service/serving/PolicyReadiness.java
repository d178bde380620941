package dev.apprentice.service.serving;

import dev.apprentice.il.registry.RegistryHealth;
import dev.apprentice.service.config.DomainSettings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness: a replica takes decision traffic only once a policy is loaded. It stays ready when it
 * serves an older promotion because the promoted artefact is corrupt ({@code fallback} says which
 * and why) or when the registry recovered a damaged promotion record ({@code promotionRecord}). A
 * domain without a shared policy is ready with or without models: a subject without one yet is
 * its own endpoints' answer, not the replica's failure.
 */
public class PolicyReadiness implements HealthCheck {

    private final String name;
    private final PolicyServing policies;
    private final DomainSettings settings;

    /** A check reported under {@code name}: {@code policy}, or {@code policy-<domain>} when a service hosts several. */
    public PolicyReadiness(String name, PolicyServing policies, DomainSettings settings) {
        this.name = name;
        this.policies = policies;
        this.settings = settings;
    }

    /** The check's name in {@code /q/health/ready}. */
    public String name() {
        return name;
    }

    @Override
    public HealthCheckResponse call() {
        if (!settings.sharedPolicy()) {
            return HealthCheckResponse.named(name).up().withData("sharedPolicy", false)
                    .withData("servedModels", policies.servedCount()).build();
        }
        String model = policies.defaultModel();
        HealthCheckResponseBuilder response = policies.served(model)
                .map(s -> HealthCheckResponse.named(name).up().withData("model", s.model())
                        .withData("version", s.version()).withData("algorithm", s.card().algorithm()))
                .orElseGet(() -> HealthCheckResponse.named(name).status(policies.servedCount() > 0)
                        .withData("servedModels", policies.servedCount()));
        policies.fallback(model).ifPresent(f -> response.withData("fallback", f));
        RegistryHealth registry = policies.registryHealth(model);
        if (!registry.intact()) {
            response.withData("promotionRecord", String.join("; ", registry.damage()));
        }
        return response.build();
    }
}
