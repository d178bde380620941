package dev.apprentice.service.security;

import dev.apprentice.service.config.SecuritySettings;
import dev.apprentice.service.config.SecuritySettings.PublicDashboard;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How much of the page (dashboard and live view) a caller sees, by
 * {@code apprentice.security.public-dashboard}: an administrator key always sees everything; without
 * a key a client sees what the setting allows; with {@code none} it needs a key, and a decision key
 * sees the summary. A subject key, held by the people the data is about rather than by operators,
 * sees no more than a client without a key: with {@code none}, nothing (403).
 */
@ApplicationScoped
public class PageAccess {

    private final PublicDashboard setting;

    public PageAccess(SecuritySettings settings) {
        this.setting = settings.publicDashboard();
    }

    /**
     * {@code FULL} or {@code SUMMARY} for this caller; throws 401 when the page needs a key and none
     * was given, 403 when it needs a decision or administrator key and another was given.
     */
    public PublicDashboard view(SecurityIdentity identity) {
        return view(setting, identity);
    }

    static PublicDashboard view(PublicDashboard setting, SecurityIdentity identity) {
        boolean anonymous = identity == null || identity.isAnonymous();
        if (!anonymous && identity.hasRole(Roles.ADMIN)) {
            return PublicDashboard.FULL;
        }
        if (setting != PublicDashboard.NONE) {
            return setting;
        }
        if (anonymous) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.DECISION)) {
            throw new ForbiddenException();
        }
        return PublicDashboard.SUMMARY;
    }
}
