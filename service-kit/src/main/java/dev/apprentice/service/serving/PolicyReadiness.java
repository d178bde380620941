package dev.apprentice.service.serving;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: a replica takes decision traffic only once a policy is loaded. */
@Readiness
@ApplicationScoped
public class PolicyReadiness implements HealthCheck {

    private final PolicyServing policies;

    public PolicyReadiness(PolicyServing policies) {
        this.policies = policies;
    }

    @Override
    public HealthCheckResponse call() {
        return policies.served(policies.defaultModel())
                .map(s -> HealthCheckResponse.named("policy").up().withData("model", s.model())
                        .withData("version", s.version()).withData("algorithm", s.card().algorithm()).build())
                .orElseGet(() -> HealthCheckResponse.named("policy").status(policies.servedCount() > 0)
                        .withData("servedModels", policies.servedCount()).build());
    }
}
