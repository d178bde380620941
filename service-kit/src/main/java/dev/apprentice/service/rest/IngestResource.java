package dev.apprentice.service.rest;

import dev.apprentice.il.store.StoreRepair;
import dev.apprentice.il.store.StoreStatistics;
import dev.apprentice.il.stream.IngestStatistics;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.ingest.IngestionStatus;
import dev.apprentice.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ingester's state (administrator key). */
@Path("/")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "apiKey")
@Tag(name = "experts")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    /**
     * The ingester and the store.
     *
     * @param status where ingestion is, since when, and the cause of a failure
     * @param counters the ingester's counters
     * @param store the store's statistics, or null when the store could not be opened
     */
    public record IngestView(IngestionStatus status, IngestStatistics counters, StoreStatistics store) {
    }

    private final DomainRegistry domains;

    public IngestResource(DomainRegistry domains) {
        this.domains = domains;
    }

    /**
     * Repairs a store that cannot be opened: damaged segments are copied to the store's
     * {@code quarantine/} directory and cut back to their readable blocks, then ingestion restarts.
     */
    @POST
    @Path("{domain}/ingest/store/repair")
    @Operation(summary = "Repair the demonstration store (quarantine damaged segments, keep their readable blocks)"
            + " and restart ingestion")
    public StoreRepair repair(@PathParam("domain") String domain) {
        return domains.require(domain).ingestion().repairStore();
    }

    @GET
    @Path("{domain}/ingest")
    @Operation(summary = "Ingester counters and store statistics")
    public IngestView ingest(@PathParam("domain") String domain) {
        DemonstrationIngestion ingestion = domains.require(domain).ingestion();
        return new IngestView(ingestion.status(), ingestion.statistics(), ingestion.storeStatistics().orElse(null));
    }
}
