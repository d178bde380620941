package dev.apprentice.service.security;

import dev.apprentice.service.config.SecuritySettings;
import dev.apprentice.service.config.SecuritySettings.PublicDashboard;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How much of the page (dashboard and live view) a caller sees, by
 * {@code apprentice.security.public-dashboard}: an administrator key always sees everything; without
 * a key a client sees what the setting allows; with {@code none} it needs a key, and a decision key
 * sees the summary.
 */
@ApplicationScoped
public class PageAccess {

    private final PublicDashboard setting;

    public PageAccess(SecuritySettings settings) {
        this.setting = settings.publicDashboard();
    }

    /** {@code FULL} or {@code SUMMARY} for this caller; throws 401 when the page needs a key and none was given. */
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
        return PublicDashboard.SUMMARY;
    }
}
