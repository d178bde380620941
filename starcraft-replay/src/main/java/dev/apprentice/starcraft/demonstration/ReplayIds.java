package dev.apprentice.starcraft.demonstration;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Replay ids and the held-out split by replay: an id is the first 16 hex digits of the file's SHA-256, and
 * a replay is held out when its id's first two hex digits fall below {@code share × 256}, so the split
 * depends on the file alone, never on the order or the place it arrives.
 */
public final class ReplayIds {

    /** Hex digits in an id. */
    public static final int LENGTH = 16;

    private ReplayIds() {
    }

    /** The id of a replay file's bytes. */
    public static String of(byte[] replay) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(replay)).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Whether the replay with this id is held out for evaluation.
     *
     * @param share the held-out share in [0, 1]
     * @throws IllegalArgumentException when the id is not {@value #LENGTH} hex digits
     */
    public static boolean heldOut(String id, double share) {
        if (id == null || id.length() != LENGTH || !id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("replay id: expected " + LENGTH + " hex digits, found '" + id + "'");
        }
        return Integer.parseInt(id.substring(0, 2), 16) < share * 256;
    }
}
