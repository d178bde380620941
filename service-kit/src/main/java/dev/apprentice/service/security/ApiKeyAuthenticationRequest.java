package dev.apprentice.service.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented with a request, on its way from the mechanism to the identity provider. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    /** The presented key. */
    public String key() {
        return key;
    }
}
