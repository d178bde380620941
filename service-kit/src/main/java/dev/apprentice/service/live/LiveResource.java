package dev.apprentice.service.live;

import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.ServingSettings;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.error.NotFoundException;
import dev.apprentice.service.error.UnavailableException;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.security.PageAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The live view as server-sent events, for domains with a simulator. Open streams are limited
 * ({@code apprentice.serving.max-live-streams}); one more answers 503 with the reason. Frames hold
 * nothing internal, so every caller who may see the page ({@link PageAccess}) gets them in full.
 */
@Path("/")
@Tag(name = "dashboard")
public class LiveResource {

    private final DomainRegistry domains;
    private final int maxStreams;
    private final PageAccess access;
    private final SecurityIdentity identity;
    private final AtomicInteger open = new AtomicInteger();

    public LiveResource(DomainRegistry domains, ServingSettings serving, PageAccess access, SecurityIdentity identity) {
        this.domains = domains;
        this.maxStreams = serving.maxLiveStreams();
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Path("{domain}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The served policy and the expert acting on the same seeded episode, frame by frame",
            description = "404 for a domain without a simulator; 503 when the stream limit is reached; 401 without a"
                    + " key when apprentice.security.public-dashboard=none.")
    public Multi<LiveFrame> live(@PathParam("domain") String domain, @QueryParam("seed") Long seed) {
        access.view(identity);
        DomainServices services = domains.require(domain);
        DomainSettings settings = services.settings();
        ExpertSimulation sim = settings.domain().simulation()
                .orElseThrow(() -> new NotFoundException(settings.domain().name() + " has no simulator to show"));
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new UnavailableException("live-limit", "the live view already has " + maxStreams
                    + " viewers (apprentice.serving.max-live-streams); try again later");
        }
        LiveDrive drive;
        try {
            drive = new LiveDrive(sim, services.serving(), settings.domain().encoder(), settings.domain().guard().orElse(null),
                    settings.evaluationExpert(), seed == null ? services.config().training().evaluationSeed() : seed);
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        return Multi.createFrom().ticks().every(Duration.ofMillis(1000 / sim.liveFramesPerSecond()))
                .map(tick -> drive.next())
                .onTermination().invoke(open::decrementAndGet);
    }
}
