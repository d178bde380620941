package dev.apprentice.service.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an accepted API key into an identity with its roles ({@link Roles}): a configured key, or a
 * subject key ({@link SubjectKeys}) with the role {@link Roles#SUBJECT} and its subject id as the
 * attribute {@link SubjectAccess#ATTRIBUTE}; rejects any other key. Principal names say only the
 * kind of key, so that neither a key nor a subject id reaches a log through them.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeys keys;
    private final SubjectKeys subjectKeys;

    public ApiKeyIdentityProvider(ApiKeys keys, SubjectKeys subjectKeys) {
        this.keys = keys;
        this.subjectKeys = subjectKeys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        Set<String> roles = keys.roles(request.key());
        if (!roles.isEmpty()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(roles.contains(Roles.ADMIN) ? "admin-key" : "decision-key"))
                    .addRoles(roles)
                    .build());
        }
        Optional<String> subject = subjectKeys.subjectOf(request.key());
        if (subject.isPresent()) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("subject-key"))
                    .addRole(Roles.SUBJECT)
                    .addAttribute(SubjectAccess.ATTRIBUTE, subject.get())
                    .build());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("unknown API key"));
    }
}
