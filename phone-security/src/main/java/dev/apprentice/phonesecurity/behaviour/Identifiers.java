package dev.apprentice.phonesecurity.behaviour;

import java.util.regex.Pattern;

/**
 * The rules for user and session ids, checked wherever one enters (samples, records, the key ring):
 * short, and made of characters that are safe in file names, log lines and Kafka keys.
 */
public final class Identifiers {

    /** The longest user id. */
    public static final int MAX_USER_ID = 64;
    /** The longest session id. */
    public static final int MAX_SESSION_ID = 128;

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9._-]+");

    private Identifiers() {
    }

    /**
     * Returns {@code userId} when it is 1 to {@value #MAX_USER_ID} characters of
     * {@code [A-Za-z0-9._-]}.
     *
     * @throws IllegalArgumentException naming {@code userId} otherwise
     */
    public static String requireUserId(String userId) {
        return require(userId, "userId", MAX_USER_ID);
    }

    /**
     * Returns {@code sessionId} when it is 1 to {@value #MAX_SESSION_ID} characters of
     * {@code [A-Za-z0-9._-]}.
     *
     * @throws IllegalArgumentException naming {@code sessionId} otherwise
     */
    public static String requireSessionId(String sessionId) {
        return require(sessionId, "sessionId", MAX_SESSION_ID);
    }

    private static String require(String id, String field, int maxLength) {
        if (id == null || id.isEmpty() || id.length() > maxLength || !ALPHABET.matcher(id).matches()) {
            // The offending id is not echoed: it may be anything, including personal data or control characters.
            throw new IllegalArgumentException(field + ": expected 1 to " + maxLength
                    + " characters of A-Z, a-z, 0-9, '.', '_' and '-', found "
                    + (id == null ? "null" : id.isEmpty() ? "an empty id" : id.length() > maxLength
                            ? id.length() + " characters" : "other characters"));
        }
        return id;
    }
}
