package dev.apprentice.phonesecurity.privacy;

import dev.apprentice.il.io.DurableFiles;
import dev.apprentice.phonesecurity.behaviour.Identifiers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key ring of crypto-shredding: one AES-256 data key per user, created on first use and kept in
 * a directory, so that deleting a user is destroying one small file and every record sealed with
 * it, wherever copies went, becomes unusable.
 *
 * <p>Each key lives in its own file named by the SHA-256 of the user id (the id itself never
 * appears on disk), wrapped with AES-GCM under the service's master key and bound to that file
 * name, so a key file copied over another user's does not open. Opening the ring reads no key
 * file: keys are read on first use and cached. A damaged key file is reported for its user alone
 * ({@link CorruptDataKeyException}); a master key that does not match the ring is refused when the
 * ring opens ({@value #RING_CHECK}).
 *
 * <p>Writes survive crashes: a new key is written to a temporary file and forced to disk, then
 * linked under its name, which fails if another writer got there first (so two processes sharing
 * the directory, say the producer and the service, never create two keys for one user), and the
 * directory is forced. Temporary files a crash left behind are never read, and are removed when
 * the ring is next opened. Thread-safe.
 *
 * <pre>{@code
 * UserDataKeys keys = UserDataKeys.open(Path.of("/var/lib/phone-security/keys"), masterKeyBase64);
 * DataKey key = keys.keyFor("user-17");   // created on first use
 * keys.destroy("user-17");                // the user is deleted: their records are now noise
 * keys.key("user-17");                    // Optional.empty(), also after a restart
 * }</pre>
 */
public final class UserDataKeys {

    /** Bytes of a data key and of the master key: AES-256. */
    public static final int KEY_BYTES = 32;
    /** The file, next to the keys, that tells whether a master key is the ring's. */
    public static final String RING_CHECK = "ring.check";
    /** Suffix of key files. */
    static final String KEY_SUFFIX = ".key";
    /** Prefix of files being written. */
    static final String TEMP_PREFIX = ".tmp-";
    /** A temporary file older than this was left by a crash rather than being written right now. */
    static final Duration STALE_TEMP = Duration.ofMinutes(1);

    private static final byte[] MAGIC = {'P', 'S', 'D', 'K'};
    private static final byte FORMAT_VERSION = 1;
    private static final int ID_BYTES = 8;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final int HEADER_BYTES = MAGIC.length + 1 + ID_BYTES;
    /** A key file: magic, version, key id, nonce, then the wrapped key and its tag. */
    static final int FILE_BYTES = HEADER_BYTES + NONCE_BYTES + KEY_BYTES + TAG_BYTES;
    private static final byte[] RING_CHECK_CONTEXT = "apprentice phone-security key ring v1".getBytes(StandardCharsets.UTF_8);
    private static final int LOCK_STRIPES = 64;

    private final Path directory;
    private final SecretKey master;
    private final SecureRandom random;
    private final ConcurrentHashMap<String, DataKey> loaded = new ConcurrentHashMap<>();
    /** Creation, loading and destruction of one user's key are serialised; different users' rarely wait for each other. */
    private final Object[] locks = new Object[LOCK_STRIPES];

    private UserDataKeys(Path directory, SecretKey master, SecureRandom random) {
        this.directory = directory;
        this.master = master;
        this.random = random;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Opens (creating it if needed) the key ring in {@code directory}, removing temporary files a
     * crash left behind. Reads no key file.
     *
     * @param masterKeyBase64 the service's master key: {@value #KEY_BYTES} bytes, base64
     * @throws IllegalArgumentException naming {@code masterKey} when it is malformed or is not the
     *     one the ring was created with
     * @throws UncheckedIOException when the directory cannot be prepared
     */
    public static UserDataKeys open(Path directory, String masterKeyBase64) {
        SecretKey master = masterKey(masterKeyBase64);
        SecureRandom random = new SecureRandom();
        try {
            Files.createDirectories(directory);
            removeStaleTemporaryFiles(directory);
            checkMaster(directory, master, random);
        } catch (IOException e) {
            throw new UncheckedIOException("key ring " + directory + ": " + e.getMessage(), e);
        }
        return new UserDataKeys(directory, master, random);
    }

    /** A new random master key in base64, for development; production keys come from a secret store. */
    public static String generateMasterKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The user's data key, if they have one.
     *
     * @return empty for a user never enrolled or deleted
     * @throws IllegalArgumentException naming {@code userId} when it breaks the id rules
     * @throws CorruptDataKeyException when the user's key file exists but cannot be used
     */
    public Optional<DataKey> key(String userId) {
        Identifiers.requireUserId(userId);
        DataKey cached = loaded.get(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        synchronized (lockOf(userId)) {
            return Optional.ofNullable(load(userId));
        }
    }

    /**
     * The user's data key, created and stored durably on first use.
     *
     * @throws IllegalArgumentException naming {@code userId} when it breaks the id rules
     * @throws CorruptDataKeyException when the user's key file exists but cannot be used (it is never
     *     silently replaced: the records sealed with it would be lost without anyone deciding so)
     */
    public DataKey keyFor(String userId) {
        Identifiers.requireUserId(userId);
        DataKey cached = loaded.get(userId);
        if (cached != null) {
            return cached;
        }
        synchronized (lockOf(userId)) {
            DataKey existing = load(userId);
            return existing != null ? existing : create(userId);
        }
    }

    /**
     * Destroys the user's data key for good: the file is overwritten with zeros and forced to disk,
     * then deleted and the directory forced, and the cached copy dropped. Works on a damaged key
     * file too, so a user can always be deleted.
     *
     * @return whether the user had a key file
     * @throws IllegalArgumentException naming {@code userId} when it breaks the id rules
     */
    public boolean destroy(String userId) {
        Identifiers.requireUserId(userId);
        synchronized (lockOf(userId)) {
            loaded.remove(userId);
            Path file = fileOf(userId);
            try {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ByteBuffer zeros = ByteBuffer.allocate(4096);
                    long size = ch.size();
                    for (long at = 0; at < size; at += zeros.capacity()) {
                        zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
                        while (zeros.hasRemaining()) {
                            ch.write(zeros, at + zeros.position());
                        }
                    }
                    ch.force(true);
                } catch (NoSuchFileException e) {
                    return false;
                }
                Files.delete(file);
                DurableFiles.fsyncDirectory(directory);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot destroy data key file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The cached key, or the key read from its file, or null when there is no file. Holds the user's lock. */
    private DataKey load(String userId) {
        DataKey cached = loaded.get(userId);
        if (cached != null) {
            return cached;
        }
        DataKey key = read(fileOf(userId));
        if (key != null) {
            loaded.put(userId, key);
        }
        return key;
    }

    private DataKey read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size != FILE_BYTES) {
                throw new CorruptDataKeyException(file, "expected " + FILE_BYTES + " bytes, found " + size);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data key file " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length != FILE_BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || bytes[MAGIC.length] != FORMAT_VERSION) {
            throw new CorruptDataKeyException(file, "not a version " + FORMAT_VERSION + " data key file");
        }
        byte[] material;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BYTES * 8, bytes, HEADER_BYTES, NONCE_BYTES));
            gcm.updateAAD(wrappingContext(bytes, file));
            material = gcm.doFinal(bytes, HEADER_BYTES + NONCE_BYTES, KEY_BYTES + TAG_BYTES);
        } catch (AEADBadTagException e) {
            throw new CorruptDataKeyException(file, "does not authenticate under the master key (damaged, copied from"
                    + " another user's file, or wrapped with another master key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
        DataKey key = new DataKey(HexFormat.of().formatHex(bytes, MAGIC.length + 1, HEADER_BYTES), material);
        Arrays.fill(material, (byte) 0);
        return key;
    }

    /** Creates, stores and caches a key for a user without one. Holds the user's lock. */
    private DataKey create(String userId) {
        Path file = fileOf(userId);
        byte[] material = new byte[KEY_BYTES];
        random.nextBytes(material);
        byte[] content = new byte[FILE_BYTES];
        System.arraycopy(MAGIC, 0, content, 0, MAGIC.length);
        content[MAGIC.length] = FORMAT_VERSION;
        byte[] keyId = new byte[ID_BYTES];
        random.nextBytes(keyId);
        System.arraycopy(keyId, 0, content, MAGIC.length + 1, ID_BYTES);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, content, HEADER_BYTES, NONCE_BYTES);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            gcm.updateAAD(wrappingContext(content, file));
            gcm.doFinal(material, 0, KEY_BYTES, content, HEADER_BYTES + NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
        Path temp = directory.resolve(TEMP_PREFIX + file.getFileName() + "-" + HexFormat.of().formatHex(nonce));
        try {
            DurableFiles.writeNew(temp, content);
            try {
                // A link, unlike a rename, fails when the name exists: another process created this user's key first.
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                Arrays.fill(material, (byte) 0);
                return load(userId);
            } finally {
                Files.deleteIfExists(temp);
            }
            DurableFiles.fsyncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store data key file " + file + ": " + e.getMessage(), e);
        }
        DataKey key = new DataKey(HexFormat.of().formatHex(keyId), material);
        Arrays.fill(material, (byte) 0);
        loaded.put(userId, key);
        return key;
    }

    /** What a wrapped key is bound to: its file's header (format, key id) and its file name (the user). */
    private static byte[] wrappingContext(byte[] content, Path file) {
        byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        byte[] context = Arrays.copyOf(content, HEADER_BYTES + name.length);
        System.arraycopy(name, 0, context, HEADER_BYTES, name.length);
        return context;
    }

    private Path fileOf(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + KEY_SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    private Object lockOf(String userId) {
        return locks[Math.floorMod(userId.hashCode(), LOCK_STRIPES)];
    }

    private static SecretKey masterKey(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("masterKey: expected " + KEY_BYTES + " bytes in base64, found none");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("masterKey: expected " + KEY_BYTES + " bytes in base64, found text that is"
                    + " not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("masterKey: expected " + KEY_BYTES + " bytes in base64, found "
                    + key.length + " bytes");
        }
        SecretKey master = new SecretKeySpec(key, "AES");
        Arrays.fill(key, (byte) 0);
        return master;
    }

    /**
     * Verifies the master key against the ring's check file (a GCM tag over a fixed text), writing
     * the file when the ring is new, so that a misconfigured master key is refused at once instead
     * of making every user's key look damaged, or wrapping new keys under a second master key.
     */
    private static void checkMaster(Path directory, SecretKey master, SecureRandom random) throws IOException {
        Path check = directory.resolve(RING_CHECK);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            if (Files.exists(check)) {
                boolean opens = false;
                if (Files.size(check) == NONCE_BYTES + TAG_BYTES) {
                    byte[] bytes = Files.readAllBytes(check);
                    gcm.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(TAG_BYTES * 8, bytes, 0, NONCE_BYTES));
                    gcm.updateAAD(RING_CHECK_CONTEXT);
                    try {
                        gcm.doFinal(bytes, NONCE_BYTES, TAG_BYTES);
                        opens = true;
                    } catch (AEADBadTagException e) {
                        // another master key: refused below
                    }
                }
                if (!opens) {
                    throw new IllegalArgumentException("masterKey: does not open the key ring in " + directory + " (it was"
                            + " created with another master key, or " + RING_CHECK + " is damaged)");
                }
                return;
            }
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            gcm.init(Cipher.ENCRYPT_MODE, master, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            gcm.updateAAD(RING_CHECK_CONTEXT);
            byte[] tag = gcm.doFinal();
            byte[] content = Arrays.copyOf(nonce, NONCE_BYTES + TAG_BYTES);
            System.arraycopy(tag, 0, content, NONCE_BYTES, TAG_BYTES);
            DurableFiles.replace(check, content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    private static void removeStaleTemporaryFiles(Path directory) throws IOException {
        Instant staleBefore = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, TEMP_PREFIX + "*")) {
            for (Path temp : temps) {
                try {
                    if (Files.getLastModifiedTime(temp).toInstant().isBefore(staleBefore)) {
                        Files.delete(temp);
                    }
                } catch (NoSuchFileException e) {
                    // its writer finished and removed it while we listed
                }
            }
        }
    }
}
