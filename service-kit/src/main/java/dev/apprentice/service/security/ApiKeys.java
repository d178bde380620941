package dev.apprentice.service.security;

import dev.apprentice.service.config.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accepted API keys and their roles: administrator keys and decision-client keys from
 * configuration, or an administrator key generated for development when none is configured and
 * generation is allowed. Only SHA-256 digests are kept; comparison takes constant time per key.
 */
@ApplicationScoped
public class ApiKeys {

    /** Shortest key accepted in configuration. */
    public static final int MIN_LENGTH = 16;

    private record Known(byte[] digest, Set<String> roles) {
    }

    private final List<Known> known = new ArrayList<>();
    private final String generated;

    public ApiKeys(SecuritySettings settings) {
        List<String> admins = clean(settings.adminKeys(), "apprentice.security.admin-keys");
        List<String> deciders = clean(settings.decisionKeys(), "apprentice.security.decision-keys");
        admins.forEach(k -> known.add(new Known(digest(k), Set.of(Roles.ADMIN, Roles.DECISION))));
        for (String k : deciders) {
            if (admins.contains(k)) {
                throw new IllegalArgumentException("apprentice.security.decision-keys: a key is also an administrator key");
            }
            known.add(new Known(digest(k), Set.of(Roles.DECISION)));
        }
        if (admins.isEmpty()) {
            if (!settings.generateDevelopmentKey()) {
                throw new IllegalArgumentException("apprentice.security.admin-keys: expected at least one administrator key"
                        + " (or apprentice.security.generate-development-key=true for a development key)");
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            generated = "dev-" + HexFormat.of().formatHex(random);
            known.add(new Known(digest(generated), Set.of(Roles.ADMIN, Roles.DECISION)));
        } else {
            generated = null;
        }
    }

    private static List<String> clean(Optional<List<String>> keys, String property) {
        List<String> out = keys.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        for (String key : out) {
            if (key.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(property + ": expected keys of at least " + MIN_LENGTH
                        + " characters, found one of " + key.length());
            }
        }
        return out;
    }

    /** The development administrator key generated at start-up, if one was. */
    public Optional<String> generatedKey() {
        return Optional.ofNullable(generated);
    }

    /** The roles of a presented key; empty when the key is unknown. */
    public Set<String> roles(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Set.of();
        }
        byte[] d = digest(presented);
        Set<String> roles = Set.of();
        for (Known k : known) {
            if (MessageDigest.isEqual(k.digest(), d)) {
                roles = k.roles();
            }
        }
        return roles;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
