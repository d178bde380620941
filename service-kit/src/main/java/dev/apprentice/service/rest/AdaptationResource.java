package dev.apprentice.service.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.service.adaptation.Adaptation;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.NotFoundException;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.security.Roles;
import dev.apprentice.service.serving.Decision;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.ServedPolicy;
import dev.apprentice.service.training.MetaModels;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Per-person adaptation of a domain's meta-model (a domain with a meta-learning recipe): adapt it to
 * one person from their stored demonstrations (administrator), read the adapted model's card
 * (administrator), and decide with it (decision client). The meta-model itself is trained as a
 * training job ({@code "algorithm": "maml" | "fomaml" | "reptile"}).
 */
@Path("/")
@SecurityRequirement(name = "apiKey")
@Tag(name = "adaptation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdaptationResource {

    private final DomainRegistry domains;
    private final DecisionAccess access;
    private final SecurityIdentity identity;

    public AdaptationResource(DomainRegistry domains, DecisionAccess access, SecurityIdentity identity) {
        this.domains = domains;
        this.access = access;
        this.identity = identity;
    }

    @POST
    @Path("{domain}/adaptations")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Adapt the meta-model to one person", description = "Body: {\"subject\": id, \"maxEpisodes\": n}."
            + " Adapts the served meta-model on the person's earliest stored episodes (at most maxEpisodes, at most 20,000"
            + " samples) and serves the result as <model>-for-<subject>. 404 when the domain has no meta-learning or the"
            + " store holds no episode of the person; 409 when no meta-model is served yet.")
    public Adaptation adapt(@PathParam("domain") String domain, JsonNode body) {
        DomainServices services = domains.require(domain);
        JsonFields f = JsonFields.of(body, Set.of("subject", "maxEpisodes"));
        String subject = f.text("subject");
        if (subject == null) {
            throw new InvalidRequestException("subject", "a person's id is required");
        }
        Integer maxEpisodes = f.integer("maxEpisodes");
        if (maxEpisodes != null && (maxEpisodes < 1 || maxEpisodes > 100_000)) {
            throw new InvalidRequestException("maxEpisodes", "expected a count in [1, 100000], found " + maxEpisodes);
        }
        return services.adaptation().adapt(subject, maxEpisodes);
    }

    @GET
    @Path("{domain}/adaptations/{subject}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The model card of a person's served adapted model", description = "It names the meta-model"
            + " version and the data it adapted on. 404 when the person has none.")
    public ModelCard card(@PathParam("domain") String domain, @PathParam("subject") String subject) {
        DomainServices services = domains.require(domain);
        services.adaptation().recipe();
        return served(services, subject).card();
    }

    @POST
    @Path("{domain}/adaptations/{subject}/decisions")
    @Operation(summary = "Decide for one observation with a person's adapted model", description = "The body is the"
            + " domain's observation format, as for /decisions. 404 when the person has no adapted model.")
    @BodyLimit(BodyKind.DECISION)
    public Decision decide(@PathParam("domain") String domain, @PathParam("subject") String subject, JsonNode body) {
        access.check(identity);
        DomainServices services = domains.require(domain);
        services.adaptation().recipe();
        String model = served(services, subject).model();
        return services.serving().decide(model, services.settings().decisions().observation(body, ""));
    }

    private static ServedPolicy served(DomainServices services, String subject) {
        PolicyServing serving = services.serving();
        String model = MetaModels.adaptedModel(services.settings().model(), subject);
        return serving.served(model).orElseThrow(() -> new NotFoundException("no adapted model is served for "
                + services.adaptation().recipe().subject() + " '" + subject + "'; adapt one first (POST /api/v1/"
                + services.name() + "/adaptations)"));
    }
}
