package dev.apprentice.cli.suite;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one set of keys every service of a suite run accepts, generated per run so that one
 * administrator key and one decision key work on all four pages and APIs (each service alone would
 * print its own).
 *
 * @param admin the administrator key (training, registry, producer endpoints; decisions too)
 * @param decision the decision-client key (decisions and provenance only)
 */
public record DevelopmentKeys(String admin, String decision) {

    /** Shortest key the services accept ({@code ApiKeys.MIN_LENGTH} in the kit). */
    static final int MIN_LENGTH = 16;

    public DevelopmentKeys {
        if (admin.length() < MIN_LENGTH || decision.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("development keys: expected at least " + MIN_LENGTH + " characters each");
        }
        if (admin.equals(decision) || admin.contains(",") || decision.contains(",")) {
            throw new IllegalArgumentException("development keys: expected two different keys without commas");
        }
    }

    /** Two fresh random keys ({@code dev-admin-} and {@code dev-decision-} followed by 32 hex digits). */
    public static DevelopmentKeys generate() {
        SecureRandom random = new SecureRandom();
        return new DevelopmentKeys("dev-admin-" + hex(random), "dev-decision-" + hex(random));
    }

    private static String hex(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "DevelopmentKeys[admin=…, decision=…]";
    }
}
