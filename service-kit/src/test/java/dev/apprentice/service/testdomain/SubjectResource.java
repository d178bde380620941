package dev.apprentice.service.testdomain;

import dev.apprentice.il.store.StoreErasure;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.security.Roles;
import dev.apprentice.service.security.SubjectAccess;
import dev.apprentice.service.security.SubjectAttempts;
import dev.apprentice.service.security.SubjectKeys;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;

/**
 * Test-only endpoints over one subject, written the way a domain with personal data uses the kit:
 * an administrator issues keys and deletes a subject (its keys and its demonstrations); the
 * subject's own key, or an administrator, makes attempts, limited per subject.
 */
@Path("/identity/test-subjects/{subjectId}")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectResource {

    private final SubjectKeys keys;
    private final SubjectAttempts attempts;
    private final DemonstrationIngestion ingestion;
    private final SecurityIdentity identity;

    public SubjectResource(SubjectKeys keys, SubjectAttempts attempts, DemonstrationIngestion ingestion,
            SecurityIdentity identity) {
        this.keys = keys;
        this.attempts = attempts;
        this.ingestion = ingestion;
        this.identity = identity;
    }

    @POST
    @Path("/keys")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, String> issueKey(@PathParam("subjectId") String subjectId) {
        return Map.of("key", keys.issue(subjectId));
    }

    @POST
    @Path("/attempts")
    @RolesAllowed({Roles.ADMIN, Roles.SUBJECT})
    public Map<String, String> attempt(@PathParam("subjectId") String subjectId) {
        SubjectAccess.require(identity, subjectId);
        attempts.acquire(subjectId);
        return Map.of("subject", subjectId);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Long> delete(@PathParam("subjectId") String subjectId) {
        int revoked = keys.revoke(subjectId);
        StoreErasure erased = ingestion.eraseSources(Set.of(subjectId));
        return Map.of("revokedKeys", (long) revoked, "erasedSteps", erased.steps(), "erasedEpisodes", erased.episodes());
    }
}
