package dev.apprentice.lanechange.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.il.registry.RegistryEntry;
import dev.apprentice.lanechange.ingest.ExpertProducer;
import dev.apprentice.lanechange.ingest.LaneChangeIngestion;
import dev.apprentice.lanechange.security.ApiKeyIdentityProvider;
import dev.apprentice.lanechange.serving.PolicyService;
import dev.apprentice.lanechange.training.TrainingJob;
import dev.apprentice.lanechange.training.TrainingRequest;
import dev.apprentice.lanechange.training.TrainingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Administration, API key required: training jobs, the policy registry (list, promote, roll back)
 * and the simulated expert producer.
 */
@Path("/api/v1/lane-change")
@RolesAllowed(ApiKeyIdentityProvider.ADMIN)
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final TrainingService training;
    private final PolicyService policies;
    private final ExpertProducer producer;
    private final LaneChangeIngestion ingestion;

    public AdminResource(TrainingService training, PolicyService policies, ExpertProducer producer,
            LaneChangeIngestion ingestion) {
        this.training = training;
        this.policies = policies;
        this.producer = producer;
        this.ingestion = ingestion;
    }

    @POST
    @Path("/training/jobs")
    @Tag(name = "training")
    @Operation(summary = "Queue a training job", description = "Jobs of the model run one at a time; 202 with the job.")
    public Response submit(JsonNode body) {
        JsonFields f = JsonFields.of(body, Set.of("algorithm", "drivers", "maxEpisodes", "seed", "iterations", "promote"));
        TrainingRequest request = new TrainingRequest(f.text("algorithm"), f.texts("drivers"), f.integer("maxEpisodes"),
                f.longInteger("seed"), f.integer("iterations"), f.text("promote"));
        TrainingJob job = training.submit(request, "api");
        return Response.accepted(job.view()).build();
    }

    @GET
    @Path("/training/jobs")
    @Tag(name = "training")
    @Operation(summary = "Every kept job with its progress")
    public List<Map<String, Object>> jobs() {
        return training.jobs().stream().map(TrainingJob::view).toList();
    }

    @GET
    @Path("/training/jobs/{id}")
    @Tag(name = "training")
    @Operation(summary = "One job: status, progress curve, evaluation, registered version")
    public Map<String, Object> job(@PathParam("id") String id) {
        return find(id).view();
    }

    @POST
    @Path("/training/jobs/{id}/cancel")
    @Tag(name = "training")
    @Operation(summary = "Stop a job at its next iteration")
    public Map<String, Object> cancel(@PathParam("id") String id) {
        TrainingJob job = find(id);
        job.cancel();
        return job.view();
    }

    private TrainingJob find(String id) {
        return training.job(id).orElseThrow(() -> new NoSuchElementException("no training job '" + id + "'"));
    }

    @GET
    @Path("/policies")
    @Tag(name = "registry")
    @Operation(summary = "Every registered version, newest first, with its card or the reason it cannot be used")
    public List<Map<String, Object>> versions() {
        List<RegistryEntry> entries = policies.registry().list(policies.model());
        return entries.stream().sorted((a, b) -> Integer.compare(b.version(), a.version())).map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", e.version());
            m.put("promoted", e.promoted());
            e.card().ifPresent(card -> m.put("card", card));
            e.problem().ifPresent(problem -> m.put("problem", problem));
            return m;
        }).toList();
    }

    @POST
    @Path("/policies/{version}/promote")
    @Tag(name = "registry")
    @Operation(summary = "Serve this version (also how to return to any earlier version)")
    public Map<String, Object> promote(@PathParam("version") int version) {
        if (policies.registry().list(policies.model()).stream().noneMatch(e -> e.version() == version)) {
            throw new NoSuchElementException("no version " + version + " of " + policies.model());
        }
        policies.promote(version);
        return Map.of("served", version);
    }

    @POST
    @Path("/policies/rollback")
    @Tag(name = "registry")
    @Operation(summary = "Serve the previously promoted version again", description = "409 when there is none.")
    public Map<String, Object> rollback() {
        return Map.of("served", policies.rollback());
    }

    @POST
    @Path("/experts/episodes")
    @Tag(name = "experts")
    @Operation(summary = "Simulate expert episodes of a driver style and publish them to the demonstrations topic")
    public ExpertProducer.Publication publish(JsonNode body) {
        JsonFields f = JsonFields.of(body, Set.of("style", "episodes", "firstSeed"));
        Integer episodes = f.integer("episodes");
        return producer.publish(f.text("style"), episodes == null ? 10 : episodes, f.longInteger("firstSeed"));
    }

    @GET
    @Path("/ingest")
    @Tag(name = "experts")
    @Operation(summary = "Ingester counters and store statistics")
    public Map<String, Object> ingest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ingesting", ingestion.isIngesting());
        Throwable failure = ingestion.failure();
        m.put("failure", failure == null ? null : failure.toString());
        m.put("counters", ingestion.statistics().toMap());
        m.put("store", ingestion.storeStatistics().toMap());
        return m;
    }
}
