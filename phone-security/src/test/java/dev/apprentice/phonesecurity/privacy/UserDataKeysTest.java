package dev.apprentice.phonesecurity.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDataKeysTest {

    private static final String MASTER = UserDataKeys.generateMasterKey();

    @TempDir
    Path dir;

    @Test
    void aKeyCreatedOnFirstUseIsTheSameAfterReopening() {
        // given
        String keyId = UserDataKeys.open(dir, MASTER).keyFor("user-1").keyId();

        // when
        UserDataKeys reopened = UserDataKeys.open(dir, MASTER);

        // then
        assertEquals(keyId, reopened.key("user-1").orElseThrow().keyId());
        assertEquals(keyId, reopened.keyFor("user-1").keyId());
        assertTrue(keyId.matches("[0-9a-f]{16}"), keyId);
    }

    @Test
    void keyFilesAreNamedByTheHashOfTheUserIdAndNeverShowIt() throws IOException {
        // given
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);

        // when
        keys.keyFor("alice.smith");

        // then
        Path file = fileOf("alice.smith");
        assertEquals(Set.of(UserDataKeys.RING_CHECK, file.getFileName().toString()), names());
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("alice"));
    }

    @Test
    void aUserNeverEnrolledHasNoKeyAndLeavesNoFile() {
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);

        assertTrue(keys.key("nobody").isEmpty());
        assertFalse(keys.destroy("nobody"));
        assertEquals(Set.of(UserDataKeys.RING_CHECK), names());
    }

    @Test
    void aDestroyedKeyIsGoneForGoodAlsoAfterARestart() {
        // given
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);
        String before = keys.keyFor("user-1").keyId();

        // when
        boolean destroyed = keys.destroy("user-1");

        // then
        assertTrue(destroyed);
        assertTrue(keys.key("user-1").isEmpty());
        assertFalse(Files.exists(fileOf("user-1")));
        assertTrue(UserDataKeys.open(dir, MASTER).key("user-1").isEmpty());
        assertNotEquals(before, keys.keyFor("user-1").keyId(), "enrolling again makes a new key");
    }

    @Test
    void destroyingOverwritesTheKeyBeforeDeletingIt() throws IOException {
        // given a second name for the key file's content, as a backup or a lingering link might be
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);
        keys.keyFor("user-1");
        Path otherName = Files.createLink(dir.resolveSibling(dir.getFileName() + "-link"), fileOf("user-1"));

        // when
        keys.destroy("user-1");

        // then
        assertArrayEquals(new byte[UserDataKeys.FILE_BYTES], Files.readAllBytes(otherName));
        Files.delete(otherName);
    }

    @Test
    void aTemporaryFileLeftByACrashIsNeverReadAndIsRemovedOnOpen() throws IOException {
        // given a key write torn by a crash long ago, and one in progress right now
        Path torn = dir.resolve(UserDataKeys.TEMP_PREFIX + fileOf("user-1").getFileName() + "-0a1b");
        Files.write(torn, new byte[] {'P', 'S', 'D', 'K', 1, 7, 7});
        Files.setLastModifiedTime(torn, FileTime.from(Instant.now().minus(UserDataKeys.STALE_TEMP.multipliedBy(10))));
        Path inProgress = dir.resolve(UserDataKeys.TEMP_PREFIX + fileOf("user-2").getFileName() + "-2c3d");
        Files.write(inProgress, new byte[] {'P', 'S'});

        // when
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);

        // then
        assertFalse(Files.exists(torn));
        assertTrue(Files.exists(inProgress), "a write in progress by another process is left alone");
        assertTrue(keys.key("user-1").isEmpty());
        assertTrue(keys.key("user-2").isEmpty());
        assertEquals(keys.keyFor("user-1").keyId(), UserDataKeys.open(dir, MASTER).key("user-1").orElseThrow().keyId());
    }

    @Test
    void aDamagedKeyFileIsReportedForItsUserAloneNamingTheFile() throws IOException {
        // given
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);
        keys.keyFor("user-1");
        String other = keys.keyFor("user-2").keyId();
        byte[] damaged = Files.readAllBytes(fileOf("user-1"));
        damaged[damaged.length - 3] ^= 0x40;
        Files.write(fileOf("user-1"), damaged);

        // when
        UserDataKeys reopened = UserDataKeys.open(dir, MASTER);

        // then
        CorruptDataKeyException e = assertThrows(CorruptDataKeyException.class, () -> reopened.key("user-1"));
        assertTrue(e.getMessage().contains(fileOf("user-1").getFileName().toString()), e.getMessage());
        assertThrows(CorruptDataKeyException.class, () -> reopened.keyFor("user-1"), "never silently replaced");
        assertEquals(other, reopened.key("user-2").orElseThrow().keyId());
        reopened.keyFor("user-3");
        assertTrue(reopened.destroy("user-1"), "a damaged key can still be destroyed");
        assertTrue(reopened.key("user-1").isEmpty());
    }

    @Test
    void aTruncatedKeyFileIsReportedWithItsSize() throws IOException {
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);
        keys.keyFor("user-1");
        Files.write(fileOf("user-1"), new byte[10]);

        CorruptDataKeyException e = assertThrows(CorruptDataKeyException.class,
                () -> UserDataKeys.open(dir, MASTER).key("user-1"));

        assertTrue(e.getMessage().contains("expected " + UserDataKeys.FILE_BYTES + " bytes, found 10"), e.getMessage());
    }

    @Test
    void aKeyFileCopiedOverAnotherUsersDoesNotOpen() throws IOException {
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);
        keys.keyFor("user-1");
        keys.keyFor("user-2");
        Files.copy(fileOf("user-1"), fileOf("user-2"), StandardCopyOption.REPLACE_EXISTING);

        assertThrows(CorruptDataKeyException.class, () -> UserDataKeys.open(dir, MASTER).key("user-2"));
    }

    @Test
    void aMasterKeyOtherThanTheRingsIsRefusedWhenOpening() {
        UserDataKeys.open(dir, MASTER).keyFor("user-1");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserDataKeys.open(dir, UserDataKeys.generateMasterKey()));

        assertTrue(e.getMessage().startsWith("masterKey: does not open the key ring"), e.getMessage());
    }

    @Test
    void aMalformedMasterKeyIsRefusedNamingItWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class, () -> UserDataKeys.open(dir, shortKey));
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> UserDataKeys.open(dir, "secret!secret"));

        assertEquals("masterKey: expected 32 bytes in base64, found 16 bytes", tooShort.getMessage());
        assertTrue(notBase64.getMessage().startsWith("masterKey: ") && !notBase64.getMessage().contains("secret!"),
                notBase64.getMessage());
    }

    @Test
    void malformedUserIdsAreRefusedNamingUserId() {
        UserDataKeys keys = UserDataKeys.open(dir, MASTER);

        for (String bad : new String[] {"", "../etc/passwd", "a b", "x".repeat(65), null}) {
            for (Callable<?> call : List.<Callable<?>>of(() -> keys.key(bad), () -> keys.keyFor(bad), () -> keys.destroy(bad))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::call);
                assertTrue(e.getMessage().startsWith("userId: "), e.getMessage());
            }
        }
        assertEquals(Set.of(UserDataKeys.RING_CHECK), names());
    }

    @Test
    void twoRingsOnOneDirectoryRacingForNewUsersAgreeOnEveryKey() throws Exception {
        // given two processes' rings (the producer's and the service's) and many threads
        UserDataKeys first = UserDataKeys.open(dir, MASTER);
        UserDataKeys second = UserDataKeys.open(dir, MASTER);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // when every thread asks both rings for the same fifty new users
            List<Future<List<String>>> asked = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                UserDataKeys ring = t % 2 == 0 ? first : second;
                asked.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int u = 0; u < 50; u++) {
                        ids.add(ring.keyFor("user-" + u).keyId());
                    }
                    return ids;
                }));
            }

            // then each user has one key, whoever asked
            List<String> expected = asked.get(0).get();
            for (Future<List<String>> f : asked) {
                assertEquals(expected, f.get());
            }
            assertEquals(51, names().size());
        } finally {
            pool.shutdownNow();
        }
    }

    private Set<String> names() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path fileOf(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest) + UserDataKeys.KEY_SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
