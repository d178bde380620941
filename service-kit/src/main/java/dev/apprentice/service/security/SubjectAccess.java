package dev.apprentice.service.security;

import dev.apprentice.service.error.ForbiddenException;
import dev.apprentice.service.error.InvalidRequestException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/**
 * Who may act for a subject: an administrator key for any subject, a subject key only for its own.
 * An endpoint over one subject's personal data names both roles and then checks the subject in the
 * path, before it reads anything of that subject:
 *
 * <pre>{@code
 * @POST @Path("/users/{userId}/score") @RolesAllowed({Roles.ADMIN, Roles.SUBJECT})
 * public Score score(@PathParam("userId") String userId, ScoreRequest request) {
 *     SubjectAccess.require(identity, userId);
 *     attempts.acquire(userId);
 *     ...
 * }
 * }</pre>
 *
 * A refusal never says whether the other subject exists, so a key cannot be used to find out who
 * else is known to the service.
 */
public final class SubjectAccess {

    /** The {@link SecurityIdentity} attribute that holds a subject key's subject id. */
    public static final String ATTRIBUTE = "subject";

    private SubjectAccess() {
    }

    /**
     * Passes an administrator (for any valid subject id) and the key of this same subject.
     *
     * @throws UnauthorizedException (401) without a key
     * @throws ForbiddenException (403) for another subject's key or a key of another role
     * @throws InvalidRequestException (400) for an administrator naming an invalid subject id
     */
    public static void require(SecurityIdentity identity, String subjectId) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (identity.hasRole(Roles.ADMIN)) {
            SubjectKeys.checkId(subjectId);
            return;
        }
        Optional<String> own = subjectOf(identity);
        if (own.isEmpty()) {
            throw new ForbiddenException("this key's role may not act for a subject");
        }
        if (!own.get().equals(subjectId)) {
            throw new ForbiddenException("this key may act only for its own subject");
        }
    }

    /** The subject a subject key authenticated, or empty for any other caller. */
    public static Optional<String> subjectOf(SecurityIdentity identity) {
        if (identity == null || !identity.hasRole(Roles.SUBJECT)) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(ATTRIBUTE));
    }
}
