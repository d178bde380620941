package dev.apprentice.phonesecurity.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.phonesecurity.owners.Enrolments;
import dev.apprentice.phonesecurity.owners.FewShotEnrolments;
import dev.apprentice.phonesecurity.owners.OwnerModelNames;
import dev.apprentice.phonesecurity.owners.ScoredSession;
import dev.apprentice.phonesecurity.owners.SessionScoring;
import dev.apprentice.phonesecurity.owners.UserErasure;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.NotFoundException;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.http.JsonValues;
import dev.apprentice.service.security.Roles;
import dev.apprentice.service.security.SubjectAccess;
import dev.apprentice.service.security.SubjectAttempts;
import dev.apprentice.service.security.SubjectKeys;
import dev.apprentice.service.serving.PolicyServing;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * One user's endpoints. A user's own key (issued by an administrator) may enrol, score, read the
 * model card and delete that user only; administrator keys may act for every user; nothing here
 * answers without a key.
 */
@Path("/phone-security/users/{userId}")
@Tag(name = "users")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private static final Set<String> ENROLMENT_FIELDS = Set.of("samples", "fromStream");

    private final Enrolments enrolments;
    private final FewShotEnrolments fewShot;
    private final SessionScoring scoring;
    private final UserErasure erasure;
    private final SubjectKeys keys;
    private final PolicyServing policies;
    private final PhoneSecuritySettings settings;
    private final SecurityIdentity identity;
    private final SubjectAttempts attempts;

    public UserResource(Enrolments enrolments, FewShotEnrolments fewShot, SessionScoring scoring, UserErasure erasure,
            SubjectKeys keys, PolicyServing policies, PhoneSecuritySettings settings, SecurityIdentity identity,
            SubjectAttempts attempts) {
        this.enrolments = enrolments;
        this.fewShot = fewShot;
        this.scoring = scoring;
        this.erasure = erasure;
        this.keys = keys;
        this.policies = policies;
        this.settings = settings;
        this.identity = identity;
        this.attempts = attempts;
    }

    @POST
    @Path("keys")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Issue a key that may act for this user only", description = "Administrators only. The key is"
            + " shown once; the service keeps its digest. Older keys beyond the per-user limit are revoked.")
    @BodyLimit(BodyKind.COMMAND)
    public Answers.UserKey issueKey(@PathParam("userId") String userId) {
        SubjectKeys.checkId(userId);
        return new Answers.UserKey(userId, keys.issue(userId));
    }

    @POST
    @Path("enrolment")
    @RolesAllowed({Roles.ADMIN, Roles.SUBJECT})
    @Operation(summary = "Enrol (or re-enrol) the user", description = "Body: {samples: [{activity, touch [30 timings,"
            + " ms], sensor [112 motion statistics]}, ...]} oldest first, or {fromStream: true} to learn from the"
            + " complete sessions the behaviour stream has stored. Learns the user's behaviour policy and discriminator"
            + " against the served population model and serves the new version. Counts against the user's attempt"
            + " budget like a score.")
    @BodyLimit(BodyKind.BATCH)
    public Answers.Enrolment enrol(@PathParam("userId") String userId, JsonNode body) {
        SubjectKeys.checkId(userId);
        SubjectAccess.require(identity, userId);
        attempts.acquire(userId); // an enrolment costs a third of a second of CPU: it spends the same budget
        JsonValues.object(body, "", ENROLMENT_FIELDS);
        ModelCard card;
        JsonNode fromStream = body.get("fromStream");
        if (fromStream != null) {
            if (!fromStream.isBoolean() || body.has("samples")) {
                throw new InvalidRequestException("fromStream", "expected true, and no samples beside it");
            }
            if (!fromStream.asBoolean()) {
                throw new InvalidRequestException("fromStream", "expected true (or samples instead)");
            }
            card = enrolments.enrolFromStream(userId);
        } else {
            card = enrolments.enrol(userId, SampleRequests.samples(body, userId, settings.maxEnrolmentSamples()),
                    Enrolments.Origin.REQUEST);
        }
        Object population = card.data().get("population");
        int populationVersion = population instanceof java.util.Map<?, ?> m && m.get("version") instanceof Number n
                ? n.intValue() : 0;
        return new Answers.Enrolment(userId, card.version(), ((Number) card.data().get("samples")).intValue(),
                String.valueOf(card.data().get("origin")), populationVersion, ((Number) card.metrics().get("targetFar"))
                        .doubleValue());
    }

    @POST
    @Path("few-shot-enrolment")
    @RolesAllowed({Roles.ADMIN, Roles.SUBJECT})
    @Operation(summary = "Adapt the user's few-shot policy from the policy start", description = "Body: {samples:"
            + " [...]} as for enrolment, from apprentice.phone-security.min-few-shot-enrolment-samples (1). Adapts the"
            + " promoted policy start (POST /policy-start) to the samples and registers and promotes the result as the"
            + " user's few-shot policy in the few-shot registry, with a card naming the start's version and the samples"
            + " used; sessions are still judged by the user's main model. 503 without a start, 409 when the start was"
            + " learned against another population. Counts against the user's attempt budget.")
    @BodyLimit(BodyKind.BATCH)
    public Answers.FewShotEnrolment enrolFewShot(@PathParam("userId") String userId, JsonNode body) {
        SubjectKeys.checkId(userId);
        SubjectAccess.require(identity, userId);
        attempts.acquire(userId);
        ModelCard card = fewShot.enrol(userId, SampleRequests.samples(body, userId, settings.maxEnrolmentSamples()));
        java.util.Map<?, ?> start = (java.util.Map<?, ?>) card.data().get("metaModel");
        return new Answers.FewShotEnrolment(userId, card.version(), ((Number) card.data().get("samples")).intValue(),
                String.valueOf(start.get("model")), ((Number) start.get("version")).intValue(),
                FewShotEnrolments.initialisation(String.valueOf(start.get("initialisation"))));
    }

    @POST
    @Path("sessions")
    @RolesAllowed({Roles.ADMIN, Roles.SUBJECT})
    @Operation(summary = "Judge a session: accept, step up or lock", description = "Body: {samples: [...]} as for"
            + " enrolment, oldest first; the latest (at most apprentice.phone-security.max-session-samples) are averaged."
            + " Every call counts against the user's attempt budget (429 with Retry-After beyond it). 404 when the user is"
            + " not enrolled.")
    @BodyLimit(BodyKind.DECISION)
    public Answers.SessionScore score(@PathParam("userId") String userId, JsonNode body) {
        SubjectKeys.checkId(userId);
        SubjectAccess.require(identity, userId);
        ScoredSession s = scoring.score(userId, SampleRequests.samples(body, userId, 10 * settings.maxSessionSamples()));
        return new Answers.SessionScore(s.score().verdict(), s.score().score(), s.score().acceptThreshold(),
                s.score().lockThreshold(), s.targetFar(), s.score().samplesUsed(), s.modelVersion());
    }

    @GET
    @Path("model-card")
    @RolesAllowed({Roles.ADMIN, Roles.SUBJECT})
    @Operation(summary = "The user's served model card", description = "Algorithm, settings, the population it was"
            + " learned against, the data it came from and its thresholds. 404 when the user is not enrolled.")
    public ModelCard modelCard(@PathParam("userId") String userId) {
        SubjectKeys.checkId(userId);
        SubjectAccess.require(identity, userId);
        return policies.served(OwnerModelNames.owner(userId)).orElseThrow(
                () -> new NotFoundException("user " + userId + " is not enrolled")).card();
    }

    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.SUBJECT})
    @Operation(summary = "Delete the user and everything the service holds about them", description = "Destroys the"
            + " user's data key (their records on the behaviour topic can no longer be opened), revokes their keys,"
            + " erases their stored behaviour and deletes every version of their model.")
    public Answers.Erasure delete(@PathParam("userId") String userId) {
        SubjectKeys.checkId(userId);
        SubjectAccess.require(identity, userId);
        return erasure.erase(userId);
    }
}
