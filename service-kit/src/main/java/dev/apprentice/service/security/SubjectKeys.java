package dev.apprentice.service.security;

import dev.apprentice.il.io.DurableFiles;
import dev.apprentice.service.config.SecuritySettings;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.hosting.DomainRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys scoped to one subject (the person a model and data belong to), issued by the service at
 * run time: there are thousands, so they cannot live in configuration. A key is returned once, by
 * {@link #issue}; only its SHA-256 digest is kept, in memory and in one file per subject under
 * {@code <state directory>/subject-keys/}, written crash-safely, so keys survive restarts. A
 * subject holds at most {@code apprentice.security.subject-keys.max-per-subject} live keys;
 * issuing one more revokes its oldest. Looking up a presented key costs one digest and one hash
 * lookup, whatever the number of keys.
 *
 * <p>The files are local to this replica: keys issued on one replica do not authenticate on
 * another unless the state directory is shared.
 */
@Startup
@ApplicationScoped
public class SubjectKeys {

    /** How every subject key starts, so that a leaked one is recognisable (secret scanners, logs). */
    public static final String PREFIX = "sub-";
    /** The subdirectory of the state directory that holds the digests. */
    public static final String DIRECTORY = "subject-keys";
    /** The longest subject id. */
    public static final int MAX_ID_LENGTH = 64;

    private static final int RANDOM_BYTES = 32;
    private static final String SUFFIX = ".keys";
    private static final HexFormat HEX = HexFormat.of();

    /** One live key of a subject: its digest and when it was issued. */
    private record Issued(String digest, Instant issuedAt) {
    }

    private final Path directory;
    private final int maxPerSubject;
    private final SecureRandom random = new SecureRandom();
    /** Read by every authentication without a lock; written under this object's lock after the file. */
    private final Map<String, String> subjectByDigest = new ConcurrentHashMap<>();
    /** Each subject's live keys, oldest first; guarded by this object's lock. */
    private final Map<String, List<Issued>> issued = new HashMap<>();

    @Inject
    public SubjectKeys(DomainRegistry domains, SecuritySettings security) {
        this(domains.sharedStateDirectory().resolve(DIRECTORY), security.subjectKeys().maxPerSubject());
    }

    /** Keys kept in {@code directory} (created at the first issue), at most {@code maxPerSubject} per subject. */
    SubjectKeys(Path directory, int maxPerSubject) {
        if (maxPerSubject < 1) {
            throw new IllegalArgumentException("apprentice.security.subject-keys.max-per-subject: expected at least 1,"
                    + " found " + maxPerSubject);
        }
        this.directory = directory;
        this.maxPerSubject = maxPerSubject;
        load();
    }

    /**
     * Checks a subject id: 1 to {@value #MAX_ID_LENGTH} characters of {@code A-Z a-z 0-9 . _ -}.
     * The message never repeats the id, which may name a person.
     *
     * @return the id
     * @throws InvalidRequestException (400, field {@code subjectId}) otherwise
     */
    public static String checkId(String subjectId) {
        if (subjectId == null || subjectId.isEmpty() || subjectId.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException("subjectId", "expected 1 to " + MAX_ID_LENGTH + " characters, found "
                    + (subjectId == null ? "none" : subjectId.length()));
        }
        for (int i = 0; i < subjectId.length(); i++) {
            char c = subjectId.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
            if (!allowed) {
                throw new InvalidRequestException("subjectId", "expected only A-Z, a-z, 0-9, '.', '_' and '-', found"
                        + " another character at position " + i);
            }
        }
        return subjectId;
    }

    /**
     * Issues a new key for a subject and returns it: the only time it is seen, so the caller hands
     * it to the subject at once. When the subject already holds the maximum, its oldest key is
     * revoked. The key authenticates once its digest is on disk.
     *
     * <pre>{@code
     * @POST @Path("/users/{userId}/keys") @RolesAllowed(Roles.ADMIN)
     * public Map<String, String> issueKey(@PathParam("userId") String userId) {
     *     return Map.of("key", subjectKeys.issue(userId));
     * }
     * }</pre>
     *
     * @return {@code sub-} followed by 32 random bytes in unpadded base64url
     * @throws InvalidRequestException when the subject id is not valid
     * @throws UncheckedIOException when the digest cannot be written; no key was issued
     */
    public String issue(String subjectId) {
        checkId(subjectId);
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String digest = digest(key);
        synchronized (this) {
            List<Issued> live = new ArrayList<>(issued.getOrDefault(subjectId, List.of()));
            live.add(new Issued(digest, Instant.now()));
            List<Issued> evicted = new ArrayList<>(live.subList(0, Math.max(0, live.size() - maxPerSubject)));
            live = new ArrayList<>(live.subList(evicted.size(), live.size()));
            write(subjectId, live);
            issued.put(subjectId, live);
            subjectByDigest.put(digest, subjectId);
            evicted.forEach(old -> subjectByDigest.remove(old.digest()));
        }
        return key;
    }

    /**
     * Revokes every key of a subject, on disk first: they stop authenticating at once, also after a
     * restart.
     *
     * @return how many keys were revoked (0 for a subject without keys)
     * @throws InvalidRequestException when the subject id is not valid
     * @throws UncheckedIOException when the file cannot be deleted; the keys are then still valid
     */
    public synchronized int revoke(String subjectId) {
        checkId(subjectId);
        List<Issued> live = issued.get(subjectId);
        if (live == null) {
            return 0;
        }
        try {
            Files.deleteIfExists(file(subjectId));
            DurableFiles.fsyncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot revoke a subject's keys in " + directory, e);
        }
        issued.remove(subjectId);
        live.forEach(old -> subjectByDigest.remove(old.digest()));
        return live.size();
    }

    /** The subject a presented key belongs to, or empty when it is no live subject key. */
    public Optional<String> subjectOf(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(subjectByDigest.get(digest(presented)));
    }

    private Path file(String subjectId) {
        return directory.resolve(HEX.formatHex(subjectId.getBytes(StandardCharsets.UTF_8)) + SUFFIX);
    }

    /** One line per live key, oldest first: when it was issued and its digest. */
    private void write(String subjectId, List<Issued> live) {
        StringBuilder lines = new StringBuilder();
        for (Issued key : live) {
            lines.append(key.issuedAt()).append(' ').append(key.digest()).append('\n');
        }
        try {
            DurableFiles.replace(file(subjectId), lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a subject key's digest in " + directory, e);
        }
    }

    /**
     * Reads every subject's digests. A file that cannot be read is renamed {@code *.unreadable}, so
     * its subject's keys stop authenticating (they must be issued again) rather than the service
     * failing to start; the log says how many, never which subjects.
     */
    private void load() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        int unreadable = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".tmp-")) {
                    // A replacement a crash interrupted; the file it was to replace is intact.
                    Files.deleteIfExists(file);
                } else if (name.endsWith(SUFFIX) && !read(file, name.substring(0, name.length() - SUFFIX.length()))) {
                    Files.move(file, file.resolveSibling(name + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
                    unreadable++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the subject keys in " + directory, e);
        }
        if (unreadable > 0) {
            Log.warnf("%d subject key files in %s cannot be read and were renamed *.unreadable; those subjects' keys no"
                    + " longer authenticate and must be issued again", unreadable, directory);
        }
        Log.infof("%d subjects hold %d keys (%s)", issued.size(), subjectByDigest.size(), directory);
    }

    /**
     * Reads one subject's file; false when its name or a line is not what {@link #write} writes. A
     * file with more keys than the limit (lowered since) keeps its newest and is rewritten, so the
     * others cannot come back should the limit be raised again.
     */
    private boolean read(Path file, String hexId) throws IOException {
        String subjectId;
        List<Issued> live = new ArrayList<>();
        try {
            subjectId = checkId(new String(HEX.parseHex(hexId), StandardCharsets.UTF_8));
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ");
                if (parts.length != 2 || parts[1].length() != 64) {
                    return false;
                }
                HEX.parseHex(parts[1]);
                live.add(new Issued(parts[1], Instant.parse(parts[0])));
            }
        } catch (IllegalArgumentException | InvalidRequestException | DateTimeParseException
                | CharacterCodingException e) {
            return false;
        }
        if (live.isEmpty()) {
            return false;
        }
        if (live.size() > maxPerSubject) {
            live = new ArrayList<>(live.subList(live.size() - maxPerSubject, live.size()));
            write(subjectId, live);
        }
        issued.put(subjectId, live);
        live.forEach(key -> subjectByDigest.put(key.digest(), subjectId));
        return true;
    }

    private static String digest(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
