package dev.apprentice.phonesecurity.owners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Registry names of the service's models: one population and one model per owner, named by a
 * digest of the user id so that directory listings, logs and the policy topic's keys do not show
 * who is enrolled; and, in the {@link FewShotRegistry}, the policy start and one few-shot policy
 * per owner, named the same way.
 */
public final class OwnerModelNames {

    /** The population model's registry name. */
    public static final String POPULATION = "population";
    /** The registry name of the start every few-shot owner policy is adapted from (meta-learned, pooled or random). */
    public static final String POLICY_START = "policy-start";
    private static final String OWNER_PREFIX = "owner-";
    private static final String FEW_SHOT_PREFIX = "fewshot-";

    private OwnerModelNames() {
    }

    /** The registry name of a user's model, e.g. {@code owner-3f2a...} (46 characters). */
    public static String owner(String userId) {
        return OWNER_PREFIX + digest(userId);
    }

    /** The registry name of a user's few-shot policy, e.g. {@code fewshot-3f2a...} (48 characters). */
    public static String fewShot(String userId) {
        return FEW_SHOT_PREFIX + digest(userId);
    }

    private static String digest(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether a registry name is an owner's model. */
    public static boolean isOwner(String model) {
        return model.startsWith(OWNER_PREFIX);
    }
}
