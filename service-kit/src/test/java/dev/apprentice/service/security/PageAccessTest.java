package dev.apprentice.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apprentice.service.config.SecuritySettings.PublicDashboard;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

/** Who sees how much of the page under each setting of {@code apprentice.security.public-dashboard}. */
class PageAccessTest {

    static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
    static final SecurityIdentity DECIDER = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("decision-key")).addRole(Roles.DECISION).build();
    static final SecurityIdentity ADMIN = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("admin-key")).addRole(Roles.ADMIN).addRole(Roles.DECISION).build();
    static final SecurityIdentity SUBJECT = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("subject-key")).addRole(Roles.SUBJECT)
            .addAttribute(SubjectAccess.ATTRIBUTE, "alice").build();

    @Test
    void anAdministratorKeySeesEverythingWhateverTheSetting() {
        for (PublicDashboard setting : PublicDashboard.values()) {
            assertEquals(PublicDashboard.FULL, PageAccess.view(setting, ADMIN));
        }
    }

    @Test
    void withoutAKeyAClientSeesWhatTheSettingAllows() {
        assertEquals(PublicDashboard.FULL, PageAccess.view(PublicDashboard.FULL, ANONYMOUS));
        assertEquals(PublicDashboard.SUMMARY, PageAccess.view(PublicDashboard.SUMMARY, ANONYMOUS));
        assertEquals(PublicDashboard.SUMMARY, PageAccess.view(PublicDashboard.SUMMARY, DECIDER));
    }

    @Test
    void whenThePageIsNotPublicAnAnonymousClientGets401AndADecisionKeyTheSummary() {
        assertThrows(UnauthorizedException.class, () -> PageAccess.view(PublicDashboard.NONE, ANONYMOUS));
        assertEquals(PublicDashboard.SUMMARY, PageAccess.view(PublicDashboard.NONE, DECIDER));
    }

    @Test
    void aSubjectKeySeesNoMoreThanAClientWithoutAKey() {
        // given / when / then: what the setting shows anyone, and nothing when the page needs an operator's key
        assertEquals(PublicDashboard.FULL, PageAccess.view(PublicDashboard.FULL, SUBJECT));
        assertEquals(PublicDashboard.SUMMARY, PageAccess.view(PublicDashboard.SUMMARY, SUBJECT));
        assertThrows(ForbiddenException.class, () -> PageAccess.view(PublicDashboard.NONE, SUBJECT));
    }
}
