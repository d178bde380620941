package dev.apprentice.service.rest;

import dev.apprentice.service.config.SecuritySettings;
import dev.apprentice.service.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may ask for decisions: with {@code apprentice.security.decisions-need-key} (the default,
 * off only in the dev and test profiles) a decision-client or administrator key.
 */
@ApplicationScoped
public class DecisionAccess {

    private final boolean needKey;

    public DecisionAccess(SecuritySettings security) {
        this.needKey = security.decisionsNeedKey();
    }

    /** Throws 401 without a key and 403 for a key without the decision role, when keys are needed. */
    public void check(SecurityIdentity identity) {
        if (!needKey) {
            return;
        }
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.DECISION)) {
            throw new ForbiddenException();
        }
    }
}
