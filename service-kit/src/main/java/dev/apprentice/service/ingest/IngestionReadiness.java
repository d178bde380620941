package dev.apprentice.service.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of an ingesting replica: DOWN, with the cause, while its store or its ingester has
 * failed, so that an orchestrator or an operator sees it. Decisions are still answered meanwhile;
 * serving-only replicas ({@code apprentice.kafka.ingest=false}) report {@code disabled} and stay UP.
 */
@Readiness
@ApplicationScoped
public class IngestionReadiness implements HealthCheck {

    private final DemonstrationIngestion ingestion;

    public IngestionReadiness(DemonstrationIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public HealthCheckResponse call() {
        IngestionStatus status = ingestion.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingestion").status(!status.failed())
                .withData("state", status.state().id()).withData("since", status.since().toString());
        if (status.cause() != null) {
            response.withData("cause", status.cause());
        }
        return response.build();
    }
}
