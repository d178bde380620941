package dev.apprentice.service.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.ingest.ExpertProducer;
import dev.apprentice.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The simulated expert producer (administrator key), for domains with a simulator. */
@Path("/")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "apiKey")
@Tag(name = "experts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpertResource {

    private final DomainRegistry domains;

    public ExpertResource(DomainRegistry domains) {
        this.domains = domains;
    }

    @POST
    @Path("{domain}/experts/episodes")
    @Operation(summary = "Simulate expert episodes and publish them to the demonstrations topic",
            description = "Body: {\"expert\", \"episodes\" (default 10), \"firstSeed\" (default: after the last)}.")
    public ExpertProducer.Publication publish(@PathParam("domain") String domain, JsonNode body) {
        ExpertProducer producer = domains.require(domain).producer();
        JsonFields f = JsonFields.of(body, Set.of("expert", "episodes", "firstSeed"));
        Integer episodes = f.integer("episodes");
        return producer.publish(f.text("expert"), episodes == null ? 10 : episodes, f.longInteger("firstSeed"));
    }
}
