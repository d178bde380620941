package dev.apprentice.service.security;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads an API key from {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>} and hands
 * it to {@link ApiKeyIdentityProvider}; answers unauthenticated calls to protected paths with 401.
 * Every wrong key counts against the caller's address in {@link AuthFailureThrottle}.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The alternative header. */
    public static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final AuthFailureThrottle throttle;

    public ApiKeyAuthenticationMechanism(AuthFailureThrottle throttle) {
        this.throttle = throttle;
    }

    /** The key a request presents, or null. */
    static String presentedKey(HttpServerRequest request) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                key = authorization.substring(BEARER.length()).trim();
            }
        }
        return key == null || key.isEmpty() ? null : key;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = presentedKey(context.request());
        if (key == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String address = AuthFailureThrottle.address(context.request());
        return identityProviderManager.authenticate(new ApiKeyAuthenticationRequest(key))
                .onFailure(AuthenticationFailedException.class).invoke(() -> throttle.failed(address));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(), "WWW-Authenticate",
                "Bearer realm=\"apprentice\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }
}
