package dev.apprentice.service.rest;

import dev.apprentice.service.hosting.DomainRegistry;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The trivial endpoint of the same service, the baseline that load tests of the decision endpoint compare against. */
@Path("/")
public class PingResource {

    private static final Status OK = new Status("ok");

    /** The body of a ping answer; a type rather than a map so that the OpenAPI document describes it. */
    public record Status(String status) {
    }

    private final DomainRegistry domains;

    public PingResource(DomainRegistry domains) {
        this.domains = domains;
    }

    /** Answers {@code {"status":"ok"}} without touching any model, broker or ND4J; 404 for a domain not hosted here. */
    @GET
    @Path("{domain}/ping")
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking // like the single decision, so that load tests compare the work, not the threading
    public Status ping(@PathParam("domain") String domain) {
        domains.require(domain);
        return OK;
    }
}
