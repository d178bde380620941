package dev.apprentice.service.ingest;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of an ingesting replica: DOWN, with the cause, while its store or its ingester has
 * failed, so that an orchestrator or an operator sees it. Decisions are still answered meanwhile;
 * serving-only replicas ({@code apprentice.kafka.ingest=false}) report {@code disabled} and stay UP.
 */
public class IngestionReadiness implements HealthCheck {

    private final String name;
    private final DemonstrationIngestion ingestion;

    /** A check reported under {@code name}: {@code ingestion}, or {@code ingestion-<domain>} when a service hosts several. */
    public IngestionReadiness(String name, DemonstrationIngestion ingestion) {
        this.name = name;
        this.ingestion = ingestion;
    }

    /** The check's name in {@code /q/health/ready}. */
    public String name() {
        return name;
    }

    @Override
    public HealthCheckResponse call() {
        IngestionStatus status = ingestion.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(!status.failed())
                .withData("state", status.state().id()).withData("since", status.since().toString());
        if (status.cause() != null) {
            response.withData("cause", status.cause());
        }
        return response.build();
    }
}
