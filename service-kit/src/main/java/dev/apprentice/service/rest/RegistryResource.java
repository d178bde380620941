package dev.apprentice.service.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.service.error.NoSharedPolicyException;
import dev.apprentice.service.security.Roles;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.ServedPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The policy registry of the served model (administrator key): list, health, promote, roll back;
 * every one answers 404 {@code no-shared-policy} for a domain whose models are per subject.
 */
@Path("/")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "apiKey")
@Tag(name = "registry")
@Produces(MediaType.APPLICATION_JSON)
public class RegistryResource {

    /**
     * One registered version.
     *
     * @param version its number
     * @param promoted whether it is the promoted one
     * @param card its model card, when it verifies
     * @param problem why it cannot be used, when it does not
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(int version, boolean promoted, ModelCard card, String problem) {
    }

    /**
     * What is served after a promotion or rollback.
     *
     * @param model the model id
     * @param served the version now served
     */
    public record Served(String model, int served) {
    }

    /**
     * Whether the registry and the served policy agree, and what damage was recovered from.
     *
     * @param model the model id
     * @param promoted the version the promotion record names, if any
     * @param served the version served, if any
     * @param fallback why an older promotion is served than the promoted version, when it is
     * @param promotionRecordDamage what was damaged in the promotion record and how it was recovered
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String model, Integer promoted, Integer served, String fallback,
            List<String> promotionRecordDamage) {
    }

    private final DomainRegistry domains;

    public RegistryResource(DomainRegistry domains) {
        this.domains = domains;
    }

    @GET
    @Path("{domain}/policies")
    @Operation(summary = "Every registered version, newest first, with its card or the reason it cannot be used")
    public List<VersionView> versions(@PathParam("domain") String domain) {
        PolicyServing policies = sharedPolicy(domain);
        return policies.versions(policies.defaultModel()).stream()
                .sorted(Comparator.comparingInt(e -> -e.version()))
                .map(e -> new VersionView(e.version(), e.promoted(), e.card().orElse(null), e.problem().orElse(null)))
                .toList();
    }

    @GET
    @Path("{domain}/policies/health")
    @Operation(summary = "The promoted and the served version, a fallback to an older promotion, and damage the"
            + " registry recovered from in the promotion record")
    public Health health(@PathParam("domain") String domain) {
        PolicyServing policies = sharedPolicy(domain);
        String model = policies.defaultModel();
        return new Health(model, policies.registry().promotedVersion(model).orElse(null),
                policies.served(model).map(ServedPolicy::version).orElse(null), policies.fallback(model).orElse(null),
                policies.registryHealth(model).damage());
    }

    @POST
    @Path("{domain}/policies/{version}/promote")
    @Operation(summary = "Serve this version (also how to return to any earlier version)",
            description = "404 for an unknown version; 422, with the registry unchanged, for a version this service"
                    + " cannot serve (other encoder or spaces, corrupt weights).")
    public Served promote(@PathParam("domain") String domain, @PathParam("version") int version) {
        PolicyServing policies = sharedPolicy(domain);
        ServedPolicy s = policies.promote(policies.defaultModel(), version);
        return new Served(s.model(), s.version());
    }

    @POST
    @Path("{domain}/policies/rollback")
    @Operation(summary = "Serve the previously promoted version again",
            description = "409, with a message, when there is none; 422, with the registry unchanged, when it cannot be"
                    + " served.")
    public Served rollback(@PathParam("domain") String domain) {
        PolicyServing policies = sharedPolicy(domain);
        ServedPolicy s = policies.rollback(policies.defaultModel());
        return new Served(s.model(), s.version());
    }

    /** The serving of the domain a path names, once it is known to have a shared policy. */
    private PolicyServing sharedPolicy(String domain) {
        DomainServices services = domains.require(domain);
        if (!services.settings().sharedPolicy()) {
            throw NoSharedPolicyException.registry();
        }
        return services.serving();
    }
}
