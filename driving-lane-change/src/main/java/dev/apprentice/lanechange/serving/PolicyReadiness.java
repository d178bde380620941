package dev.apprentice.lanechange.serving;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: a replica takes decision traffic only once a policy is loaded. */
@Readiness
@ApplicationScoped
public class PolicyReadiness implements HealthCheck {

    private final PolicyService policies;

    public PolicyReadiness(PolicyService policies) {
        this.policies = policies;
    }

    @Override
    public HealthCheckResponse call() {
        return policies.served()
                .map(s -> HealthCheckResponse.named("policy").up().withData("version", s.version())
                        .withData("algorithm", s.card().algorithm()).build())
                .orElseGet(() -> HealthCheckResponse.named("policy").down().build());
    }
}
