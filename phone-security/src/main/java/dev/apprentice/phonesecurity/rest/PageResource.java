package dev.apprentice.phonesecurity.rest;

import dev.apprentice.phonesecurity.demo.DemoCohort;
import dev.apprentice.phonesecurity.cohort.CohortEvaluation;
import dev.apprentice.phonesecurity.cohort.EvaluationView;
import dev.apprentice.phonesecurity.demo.DemoProgress;
import dev.apprentice.phonesecurity.owners.LivePoint;
import dev.apprentice.phonesecurity.owners.LiveSessions;
import dev.apprentice.service.security.PageAccess;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the page shows beyond the kit's dashboard: the demo's live session and the real-data
 * evaluation. Both hold only synthetic demo users' scores and aggregate error rates, so every
 * caller who may see the page ({@link PageAccess}, as for the kit's live view) gets them in full.
 */
@Path("/")
@Tag(name = "dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class PageResource {

    /**
     * The live session and the demo's seeding.
     *
     * @param demo how far the start-up seeding is
     * @param points the latest scored samples, oldest first; empty until the demo is ready
     */
    public record LiveView(DemoProgress demo, List<LivePoint> points) {
    }

    private final PageAccess access;
    private final SecurityIdentity identity;
    private final DemoCohort cohort;
    private final LiveSessions live;
    private final CohortEvaluation evaluation;

    public PageResource(PageAccess access, SecurityIdentity identity, DemoCohort cohort, LiveSessions live,
            CohortEvaluation evaluation) {
        this.access = access;
        this.identity = identity;
        this.cohort = cohort;
        this.live = live;
        this.evaluation = evaluation;
    }

    @GET
    @Path("phone-security/live-session")
    @Operation(summary = "The demo owner's phone, held by the owner and by impostors in turn, scored sample by sample",
            description = "Only synthetic demo users; no feature values. 401 without a key when"
                    + " apprentice.security.public-dashboard=none.")
    public LiveView live() {
        access.view(identity);
        return new LiveView(cohort.progress(), live.points());
    }

    @GET
    @Path("phone-security/evaluation")
    @Operation(summary = "The latest real-data protocol evaluation: EERs and averaged DET curves per method",
            description = "Run at start-up when configured, or by an administrator (POST /evaluations);"
                    + " state says where it is. 401 without a key when"
                    + " apprentice.security.public-dashboard=none.")
    public EvaluationView evaluation() {
        access.view(identity);
        return evaluation.view();
    }
}
