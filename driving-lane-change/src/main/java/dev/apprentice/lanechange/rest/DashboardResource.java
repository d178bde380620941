package dev.apprentice.lanechange.rest;

import dev.apprentice.lanechange.config.LaneChangeConfig;
import dev.apprentice.lanechange.ingest.LaneChangeIngestion;
import dev.apprentice.lanechange.live.LiveDrive;
import dev.apprentice.lanechange.live.LiveFrame;
import dev.apprentice.lanechange.serving.PolicyService;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.training.LaneChangeImitation;
import dev.apprentice.lanechange.training.TrainingJob;
import dev.apprentice.lanechange.training.TrainingService;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Read-only views behind the web page: the live drive (server-sent events) and a dashboard of the
 * served policy, training progress, the evaluation table and ingestion counters. They carry no
 * secrets and need no key outside the prod profile.
 */
@Path("/api/v1/lane-change")
@Tag(name = "dashboard")
public class DashboardResource {

    /** Frames per second of the live view (the simulator's physics rate). */
    static final int FPS = 15;

    private final PolicyService policies;
    private final TrainingService training;
    private final LaneChangeIngestion ingestion;
    private final LaneChangeConfig config;
    private final LaneChangeImitation imitation = new LaneChangeImitation();

    public DashboardResource(PolicyService policies, TrainingService training, LaneChangeIngestion ingestion,
            LaneChangeConfig config) {
        this.policies = policies;
        this.training = training;
        this.ingestion = ingestion;
        this.config = config;
    }

    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The served policy and the expert driving the same seeded highway, 15 frames a second")
    public Multi<LiveFrame> live(@QueryParam("seed") Long seed) {
        long first = seed == null ? config.training().evaluationSeed() : seed;
        LiveDrive drive = new LiveDrive(policies, imitation,
                imitation.expert(DriverStyle.byName(config.training().evaluationStyle())), first);
        return Multi.createFrom().ticks().every(Duration.ofMillis(1000 / FPS)).map(tick -> drive.next());
    }

    @GET
    @Path("/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Served policy, training jobs with their curves, evaluation table, ingestion counters")
    public Map<String, Object> dashboard() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("served", policies.served().map(s -> {
            Map<String, Object> served = new LinkedHashMap<>();
            served.put("version", s.version());
            served.put("algorithm", s.card().algorithm());
            served.put("evaluation", s.card().evaluation());
            return served;
        }).orElse(null));
        List<Map<String, Object>> jobs = training.jobs().stream().map(TrainingJob::view).toList();
        m.put("jobs", jobs);
        m.put("evaluation", training.evaluationTable());
        m.put("ingest", ingestion.statistics().toMap());
        m.put("storedEpisodes", ingestion.storeStatistics().completeEpisodes());
        return m;
    }
}
