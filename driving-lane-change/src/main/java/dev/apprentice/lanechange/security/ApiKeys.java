package dev.apprentice.lanechange.security;

import dev.apprentice.lanechange.config.LaneChangeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The accepted API keys: the configured ones, or one generated for development when none are
 * configured and generation is allowed. Only SHA-256 digests are kept; comparison takes constant
 * time.
 */
@ApplicationScoped
public class ApiKeys {

    /** Shortest key accepted in configuration. */
    public static final int MIN_LENGTH = 16;

    private final List<byte[]> digests = new ArrayList<>();
    private final String generated;

    public ApiKeys(LaneChangeConfig config) {
        List<String> configured = config.security().apiKeys().orElse(List.of()).stream()
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
        for (String key : configured) {
            if (key.length() < MIN_LENGTH) {
                throw new IllegalArgumentException("lane-change.security.api-keys: expected keys of at least " + MIN_LENGTH
                        + " characters, found one of " + key.length());
            }
            digests.add(digest(key));
        }
        if (configured.isEmpty()) {
            if (!config.security().generateDevelopmentKey()) {
                throw new IllegalArgumentException("lane-change.security.api-keys: expected at least one API key (or set"
                        + " lane-change.security.generate-development-key=true for a development key)");
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            generated = "dev-" + HexFormat.of().formatHex(random);
            digests.add(digest(generated));
        } else {
            generated = null;
        }
    }

    /** The development key generated at start-up, if one was. */
    public Optional<String> generatedKey() {
        return Optional.ofNullable(generated);
    }

    /** Whether a presented key is one of the accepted keys. */
    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] d = digest(presented);
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, d);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
