package dev.apprentice.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.error.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subject keys: issued once, kept only as digests that survive a restart, bounded per subject, revocable. */
class SubjectKeysTest {

    @TempDir
    Path state;

    private Path directory() {
        return state.resolve(SubjectKeys.DIRECTORY);
    }

    private String everyFile() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path f : files.toList()) {
                all.append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void anIssuedKeyAuthenticatesItsSubjectAlsoAfterARestartAndOnlyItsDigestIsStored() throws IOException {
        // given
        SubjectKeys keys = new SubjectKeys(directory(), 5);

        // when
        String alice = keys.issue("alice");
        String bob = keys.issue("bob.smith_2");
        SubjectKeys restarted = new SubjectKeys(directory(), 5);

        // then
        assertTrue(alice.matches("sub-[A-Za-z0-9_-]{43}"), alice);
        assertNotEquals(alice, keys.issue("alice"), "every key is new");
        assertEquals(Optional.of("alice"), keys.subjectOf(alice));
        assertEquals(Optional.of("alice"), restarted.subjectOf(alice));
        assertEquals(Optional.of("bob.smith_2"), restarted.subjectOf(bob));
        assertEquals(Optional.empty(), restarted.subjectOf("sub-" + "A".repeat(43)));
        assertEquals(Optional.empty(), restarted.subjectOf("kit-admin-key-0123456789"));
        assertEquals(Optional.empty(), restarted.subjectOf(null));
        String files = everyFile();
        assertFalse(files.contains(alice.substring(4)) || files.contains(bob.substring(4)), "no key on disk: " + files);
    }

    @Test
    void issuingBeyondTheLimitRevokesTheSubjectsOldestKeyAlsoOnDisk() {
        // given: a limit of two keys per subject
        SubjectKeys keys = new SubjectKeys(directory(), 2);
        String first = keys.issue("alice");
        String second = keys.issue("alice");
        String other = keys.issue("bob");

        // when
        String third = keys.issue("alice");

        // then
        SubjectKeys restarted = new SubjectKeys(directory(), 2);
        for (SubjectKeys k : List.of(keys, restarted)) {
            assertEquals(Optional.empty(), k.subjectOf(first));
            assertEquals(Optional.of("alice"), k.subjectOf(second));
            assertEquals(Optional.of("alice"), k.subjectOf(third));
            assertEquals(Optional.of("bob"), k.subjectOf(other), "another subject's keys are not touched");
        }
    }

    @Test
    void aLoweredLimitKeepsEachSubjectsNewestKeysAndForgetsTheOthersForGood() {
        // given: three keys issued under a limit of five
        SubjectKeys keys = new SubjectKeys(directory(), 5);
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            issued.add(keys.issue("alice"));
        }

        // when: the service restarts with a limit of one, then again with five
        new SubjectKeys(directory(), 1);
        SubjectKeys raisedAgain = new SubjectKeys(directory(), 5);

        // then
        assertEquals(Optional.empty(), raisedAgain.subjectOf(issued.get(0)));
        assertEquals(Optional.empty(), raisedAgain.subjectOf(issued.get(1)));
        assertEquals(Optional.of("alice"), raisedAgain.subjectOf(issued.get(2)));
    }

    @Test
    void revokingRemovesEveryKeyOfTheSubjectAtOnceAndAfterARestart() {
        // given
        SubjectKeys keys = new SubjectKeys(directory(), 5);
        String first = keys.issue("alice");
        String second = keys.issue("alice");
        String bob = keys.issue("bob");

        // when
        int revoked = keys.revoke("alice");

        // then
        assertEquals(2, revoked);
        assertEquals(0, keys.revoke("alice"), "nothing left to revoke");
        assertEquals(0, keys.revoke("carol"), "a subject without keys");
        SubjectKeys restarted = new SubjectKeys(directory(), 5);
        for (SubjectKeys k : List.of(keys, restarted)) {
            assertEquals(Optional.empty(), k.subjectOf(first));
            assertEquals(Optional.empty(), k.subjectOf(second));
            assertEquals(Optional.of("bob"), k.subjectOf(bob));
        }
    }

    @Test
    void anUnreadableFileIsSetAsideAndTheOtherSubjectsKeysStillAuthenticate() throws IOException {
        // given: bob's file damaged, and a replacement a crash interrupted
        SubjectKeys keys = new SubjectKeys(directory(), 5);
        String alice = keys.issue("alice");
        String bob = keys.issue("bob");
        Path bobsFile;
        try (Stream<Path> files = Files.list(directory())) {
            bobsFile = files.filter(f -> f.getFileName().toString().startsWith("626f62")).findFirst().orElseThrow();
        }
        Files.writeString(bobsFile, "not a digest\n");
        Files.writeString(directory().resolve(".tmp-x.keys123"), "half");

        // when
        SubjectKeys restarted = new SubjectKeys(directory(), 5);

        // then
        assertEquals(Optional.of("alice"), restarted.subjectOf(alice));
        assertEquals(Optional.empty(), restarted.subjectOf(bob), "fails closed: bob needs a new key");
        assertTrue(Files.exists(bobsFile.resolveSibling(bobsFile.getFileName() + ".unreadable")));
        assertFalse(Files.exists(directory().resolve(".tmp-x.keys123")));
    }

    @Test
    void anInvalidSubjectIdIsRefusedNamingTheFieldWithoutRepeatingTheId() {
        // given
        SubjectKeys keys = new SubjectKeys(directory(), 5);

        // when / then
        for (String bad : new String[] {"", "x".repeat(65), "../etc", "alice smith", "zoë", null}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> keys.issue(bad));
            assertEquals("subjectId", e.field());
            assertEquals(400, e.status());
            assertTrue(bad == null || bad.isEmpty() || !e.getMessage().contains(bad), e.getMessage());
        }
        assertEquals("subjectId: expected only A-Z, a-z, 0-9, '.', '_' and '-', found another character at position 2",
                assertThrows(InvalidRequestException.class, () -> SubjectKeys.checkId("../etc")).getMessage());
        assertEquals("x".repeat(64), SubjectKeys.checkId("x".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new SubjectKeys(directory(), 0));
    }
}
