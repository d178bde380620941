package dev.apprentice.service.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.NoSharedPolicyException;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.serving.Decision;
import dev.apprentice.service.serving.PolicyServing;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The decision API: the served policy's action for an observation in the domain's request format;
 * 404 {@code no-shared-policy} for a domain without a shared policy, whose own endpoints decide. It
 * also declares the API-key scheme every protected endpoint of the kit refers to.
 */
@Path("/")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-API-Key", description = "An administrator or decision-client key; 'Authorization: Bearer <key>'"
                + " works too.")
@Tag(name = "decisions")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    /**
     * Several decisions.
     *
     * @param decisions one per request, in order
     */
    public record Batch(List<Decision> decisions) {
    }

    private final DomainRegistry domains;
    private final DecisionAccess access;
    private final SecurityIdentity identity;

    public DecisionResource(DomainRegistry domains, DecisionAccess access, SecurityIdentity identity) {
        this.domains = domains;
        this.access = access;
        this.identity = identity;
    }

    @POST
    @Path("{domain}/decisions")
    @Operation(summary = "Decide for one observation", description = "400 names the bad field; 503 when no policy is"
            + " promoted; 404 when the service trains no shared policy. The body is the domain's observation format"
            + " (see the service README).")
    @NonBlocking // microseconds of CPU and no I/O: answered on the event loop, without a hop to a worker thread
    @BodyLimit(BodyKind.DECISION) // small, so that parsing it on the event loop stays cheap
    public Decision decide(@PathParam("domain") String domain, JsonNode body) {
        access.check(identity);
        DomainServices services = domains.require(domain);
        PolicyServing policies = services.serving();
        return policies.decide(policies.defaultModel(), services.settings().decisions().observation(body, ""));
    }

    @POST
    @Path("{domain}/decisions/batch")
    @Operation(summary = "Decide for several observations", description = "Body: {\"requests\": [decision bodies]}, at"
            + " most the domain's batch limit; every request is validated before any is decided.")
    @BodyLimit(BodyKind.BATCH) // parsed on a worker thread, like every blocking endpoint's body
    public Batch decideBatch(@PathParam("domain") String domain, JsonNode body) {
        access.check(identity);
        DomainServices services = domains.require(domain);
        PolicyServing policies = services.serving();
        DecisionCodec codec = services.settings().decisions();
        int max = services.domain().limits().maxBatch();
        JsonNode requests = body == null ? null : body.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty() || requests.size() > max) {
            throw new InvalidRequestException("requests", "expected an array of 1 to " + max + " decision requests, found "
                    + (requests == null ? "nothing" : requests.isArray() ? requests.size() + " requests"
                    : requests.getNodeType()));
        }
        List<float[]> observations = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            observations.add(codec.observation(requests.get(i), "requests[" + i + "]"));
        }
        List<Decision> decisions = new ArrayList<>(observations.size());
        for (float[] observation : observations) {
            decisions.add(policies.decide(policies.defaultModel(), observation));
        }
        return new Batch(decisions);
    }

    @GET
    @Path("{domain}/provenance")
    @Operation(summary = "The serving policy's model card", description = "503 when no policy is promoted; 404 when"
            + " the service trains no shared policy.")
    public ModelCard provenance(@PathParam("domain") String domain) {
        access.check(identity);
        DomainServices services = domains.require(domain);
        if (!services.settings().sharedPolicy()) {
            throw NoSharedPolicyException.decisions();
        }
        PolicyServing policies = services.serving();
        return policies.requireServed(policies.defaultModel()).card();
    }
}
