package dev.apprentice.service.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apprentice.service.error.ForbiddenException;
import dev.apprentice.service.error.InvalidRequestException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may act for a subject: an administrator for any, a subject key for its own, nobody else. */
class SubjectAccessTest {

    static SecurityIdentity subjectKey(String subject) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("subject-key"))
                .addRole(Roles.SUBJECT).addAttribute(SubjectAccess.ATTRIBUTE, subject).build();
    }

    @Test
    void anAdministratorActsForAnySubjectAndASubjectKeyForItsOwn() {
        // given
        SecurityIdentity alice = subjectKey("alice");

        // when / then
        assertDoesNotThrow(() -> SubjectAccess.require(PageAccessTest.ADMIN, "bob"));
        assertDoesNotThrow(() -> SubjectAccess.require(alice, "alice"));
        assertEquals(Optional.of("alice"), SubjectAccess.subjectOf(alice));
        assertEquals(Optional.empty(), SubjectAccess.subjectOf(PageAccessTest.ADMIN));
    }

    @Test
    void anotherSubjectsKeyIsRefusedWithoutSayingWhetherThatSubjectExists() {
        // given
        SecurityIdentity alice = subjectKey("alice");

        // when
        ForbiddenException forBob = assertThrows(ForbiddenException.class, () -> SubjectAccess.require(alice, "bob"));
        ForbiddenException forNobody = assertThrows(ForbiddenException.class,
                () -> SubjectAccess.require(alice, "no such subject"));

        // then
        assertEquals(403, forBob.status());
        assertEquals("this key may act only for its own subject", forBob.getMessage());
        assertEquals(forBob.getMessage(), forNobody.getMessage());
    }

    @Test
    void withoutAKeyItIs401AndForADecisionKey403() {
        // given / when / then
        assertThrows(UnauthorizedException.class, () -> SubjectAccess.require(PageAccessTest.ANONYMOUS, "alice"));
        assertThrows(UnauthorizedException.class, () -> SubjectAccess.require(null, "alice"));
        assertEquals("this key's role may not act for a subject", assertThrows(ForbiddenException.class,
                () -> SubjectAccess.require(PageAccessTest.DECIDER, "alice")).getMessage());
    }

    @Test
    void anAdministratorNamingAnInvalidSubjectIdGets400() {
        // given / when / then
        assertEquals("subjectId", assertThrows(InvalidRequestException.class,
                () -> SubjectAccess.require(PageAccessTest.ADMIN, "a b")).field());
    }
}
