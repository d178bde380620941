package dev.apprentice.service.rest;

import dev.apprentice.il.store.StoreStatistics;
import dev.apprentice.il.stream.IngestStatistics;
import dev.apprentice.service.config.SecuritySettings.PublicDashboard;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.ingest.IngestionStatus;
import dev.apprentice.service.security.PageAccess;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.training.EvaluationSummary;
import dev.apprentice.service.training.EvaluationTable;
import dev.apprentice.service.training.TrainingJob;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the page shows: the served version, the latest training jobs with their curves, the
 * evaluation table and the ingestion counters. Without an administrator key it is the summary
 * unless {@code apprentice.security.public-dashboard=full}: no job errors, sources or promotion
 * reasons and no reasons a version cannot be used, since those may quote paths and exceptions.
 * Everything in it is cached or cheap, so polling it costs no rollouts and no weight checksums. A
 * domain without a shared policy gets no served version, jobs or evaluation, and says so.
 */
@Path("/")
@Tag(name = "dashboard")
public class DashboardResource {

    /** Jobs shown on the page, newest last. */
    static final int SHOWN_JOBS = 5;

    /**
     * The page's data.
     *
     * @param domain the domain's name
     * @param title its title
     * @param simulated whether the domain has a simulator (and so a live view)
     * @param sharedPolicy whether the domain has a shared policy (and so training jobs, an evaluation
     *     table and a served version); without one it trains per-subject models through its own endpoints
     * @param served the served version, or null
     * @param jobs the latest jobs, oldest first
     * @param evaluation the evaluation table, or null without a shared policy
     * @param ingest ingestion counters
     * @param storedEpisodes complete episodes in the store
     * @param ingestion where ingestion is (in the summary, a failure's cause is left out)
     */
    public record Dashboard(String domain, String title, boolean simulated, boolean sharedPolicy, ServedView served,
            List<TrainingJob.View> jobs, EvaluationTable evaluation, IngestStatistics ingest, long storedEpisodes,
            IngestionStatus ingestion) {
    }

    /**
     * The served version.
     *
     * @param model the model id
     * @param version its version
     * @param algorithm its algorithm
     * @param evaluation its evaluation, if its card holds one
     */
    public record ServedView(String model, int version, String algorithm, EvaluationSummary evaluation) {
    }

    private final DomainRegistry domains;
    private final PageAccess access;
    private final SecurityIdentity identity;

    public DashboardResource(DomainRegistry domains, PageAccess access, SecurityIdentity identity) {
        this.domains = domains;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Path("{domain}/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Served version, latest training jobs with their curves, evaluation table, ingestion counters",
            description = "Without an administrator key, the summary (see apprentice.security.public-dashboard).")
    public Dashboard dashboard(@PathParam("domain") String name) {
        boolean full = access.view(identity) == PublicDashboard.FULL;
        DomainServices services = domains.require(name);
        DemonstrationIngestion ingestion = services.ingestion();
        PolicyServing policies = services.serving();
        IngestionStatus status = ingestion.status();
        ServedView served = null;
        List<TrainingJob.View> shown = List.of();
        EvaluationTable table = null;
        if (services.settings().sharedPolicy()) {
            served = policies.served(policies.defaultModel()).map(s -> new ServedView(s.model(), s.version(),
                    s.card().algorithm(), EvaluationSummary.of(s.card()).orElse(null))).orElse(null);
            List<TrainingJob> jobs = services.training().jobs();
            shown = jobs.subList(Math.max(0, jobs.size() - SHOWN_JOBS), jobs.size()).stream()
                    .map(TrainingJob::view).map(v -> full ? v : summary(v)).toList();
            table = full ? services.training().evaluationTable() : summary(services.training().evaluationTable());
        }
        return new Dashboard(services.name(), services.domain().title(), services.domain().simulation().isPresent(),
                services.settings().sharedPolicy(),
                served, shown, table, ingestion.statistics(),
                ingestion.storeStatistics().map(StoreStatistics::completeEpisodes).orElse(0L),
                full ? status : new IngestionStatus(status.state(), null, status.since()));
    }

    private static TrainingJob.View summary(TrainingJob.View v) {
        return new TrainingJob.View(v.id(), v.algorithm(), v.trigger(), v.status(), v.createdAt(), v.startedAt(),
                v.finishedAt(), null, v.episodesUsed(), v.samplesUsed(), v.latest(), v.progress(), v.evaluation(),
                v.version(), v.promoted(), List.of(), null, v.restarts());
    }

    private static EvaluationTable summary(EvaluationTable t) {
        return new EvaluationTable(t.metrics(), t.protocol(), t.baselines(), t.versions().stream()
                .map(r -> new EvaluationTable.Row(r.version(), r.promoted(), r.algorithm(), r.createdAt(), r.episodes(),
                        r.protocol(), r.metrics(), null)).toList());
    }
}
