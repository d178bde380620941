package dev.apprentice.phonesecurity.owners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Registry names of the service's models: one population and one model per owner, named by a
 * digest of the user id so that directory listings, logs and the policy topic's keys do not show
 * who is enrolled.
 */
public final class OwnerModelNames {

    /** The population model's registry name. */
    public static final String POPULATION = "population";
    private static final String OWNER_PREFIX = "owner-";

    private OwnerModelNames() {
    }

    /** The registry name of a user's model, e.g. {@code owner-3f2a...} (46 characters). */
    public static String owner(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return OWNER_PREFIX + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether a registry name is an owner's model. */
    public static boolean isOwner(String model) {
        return model.startsWith(OWNER_PREFIX);
    }
}
