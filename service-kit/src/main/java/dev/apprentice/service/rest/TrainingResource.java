package dev.apprentice.service.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.PromotionRule;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.NoSharedPolicyException;
import dev.apprentice.service.error.NotFoundException;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.security.Roles;
import dev.apprentice.service.training.TrainingJob;
import dev.apprentice.service.training.TrainingRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Training jobs of the shared policy (administrator key): queue, list, inspect, cancel; every one
 * answers 404 {@code no-shared-policy} for a domain that trains per-subject models instead.
 */
@Path("/")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "apiKey")
@Tag(name = "training")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

    private final DomainRegistry domains;

    public TrainingResource(DomainRegistry domains) {
        this.domains = domains;
    }

    @POST
    @Path("{domain}/training/jobs")
    @Operation(summary = "Queue a training job", description = "Body: {\"algorithm\", \"sources\", \"maxEpisodes\","
            + " \"seed\", \"iterations\", \"promote\": \"manual\"|\"always\"|\"if-better\"}. Jobs run one at a time;"
            + " maml, fomaml and reptile (domains with a meta-learning recipe) train the meta-model adaptations start from;"
            + " 202 with the job, 429 when the queue is full, 404 when the service trains no shared policy.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = TrainingJob.View.class)))
    public Response submit(@PathParam("domain") String domain, JsonNode body) {
        DomainServices services = sharedPolicy(domain);
        JsonFields f = JsonFields.of(body, Set.of("algorithm", "sources", "maxEpisodes", "seed", "iterations", "promote"));
        String algorithm = f.text("algorithm");
        Algorithm a = Algorithm.byId(algorithm).orElseThrow(() -> new InvalidRequestException("algorithm",
                "expected one of " + services.training().offeredAlgorithms().stream().map(Algorithm::id).toList()
                        + ", found " + (algorithm == null ? "nothing" : "'" + algorithm + "'")));
        Integer maxEpisodes = f.integer("maxEpisodes");
        if (maxEpisodes != null && (maxEpisodes < 1 || maxEpisodes > 1_000_000)) {
            throw new InvalidRequestException("maxEpisodes", "expected a count in [1, 1000000], found " + maxEpisodes);
        }
        Integer iterations = f.integer("iterations");
        // Meta-iterations are cheap (a few gradients per person): MAML's own benchmark runs 70,000.
        int most = a.metaMethod().isPresent() ? 100_000 : 10_000;
        if (iterations != null && (iterations < 1 || iterations > most)) {
            throw new InvalidRequestException("iterations", "expected a count in [1, " + most + "], found " + iterations);
        }
        List<String> sources = f.texts("sources");
        if (sources != null) {
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i).isBlank() || sources.get(i).length() > 256) {
                    throw new InvalidRequestException("sources[" + i + "]", "expected a source id of 1 to 256 characters");
                }
            }
        }
        String promote = f.text("promote");
        PromotionRule rule = promote == null ? null : PromotionRule.byId(promote).orElseThrow(() ->
                new InvalidRequestException("promote", "expected manual, always or if-better, found '" + promote + "'"));
        TrainingJob job = services.training().submit(new TrainingRequest(a, sources, maxEpisodes, f.longInteger("seed"), iterations,
                rule), "api");
        return Response.accepted(job.view()).build();
    }

    @GET
    @Path("{domain}/training/jobs")
    @Operation(summary = "Every kept job with its progress")
    public List<TrainingJob.View> jobs(@PathParam("domain") String domain) {
        return sharedPolicy(domain).training().jobs().stream().map(TrainingJob::view).toList();
    }

    @GET
    @Path("{domain}/training/jobs/{id}")
    @Operation(summary = "One job: status, progress curve, evaluation, registered version")
    public TrainingJob.View job(@PathParam("domain") String domain, @PathParam("id") String id) {
        return find(domain, id).view();
    }

    @POST
    @Path("{domain}/training/jobs/{id}/cancel")
    @Operation(summary = "Stop a job at its next iteration")
    public TrainingJob.View cancel(@PathParam("domain") String domain, @PathParam("id") String id) {
        TrainingJob job = find(domain, id);
        job.cancel();
        return job.view();
    }

    private TrainingJob find(String domain, String id) {
        return sharedPolicy(domain).training().job(id).orElseThrow(() -> new NotFoundException("no training job '" + id + "'"));
    }

    /** The domain a path names, once it is known to have a shared policy. */
    private DomainServices sharedPolicy(String domain) {
        DomainServices services = domains.require(domain);
        if (!services.settings().sharedPolicy()) {
            throw NoSharedPolicyException.training();
        }
        return services;
    }
}
