package dev.apprentice.phonesecurity.privacy;

import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.service.config.DomainSettings;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The service's key ring and sealing as beans: the ring lives in the state directory; its master
 * key comes from configuration, or, where generation is allowed (development, the demo), from a
 * key generated once into the state directory.
 */
@ApplicationScoped
public class PrivacyBeans {

    /** The state subdirectory holding the users' wrapped data keys. */
    public static final String KEY_RING = "data-keys";
    private static final String GENERATED_MASTER_KEY = "master.key";

    @Produces
    @ApplicationScoped
    UserDataKeys userDataKeys(PhoneSecuritySettings settings, DomainSettings domain) {
        Path ring = domain.stateDirectory().resolve(KEY_RING);
        String master = settings.masterKey().map(String::trim).filter(k -> !k.isEmpty())
                .orElseGet(() -> generatedMasterKey(settings, domain.stateDirectory()));
        return UserDataKeys.open(ring, master);
    }

    @Produces
    @ApplicationScoped
    BehaviourSealing behaviourSealing(UserDataKeys keys) {
        return new BehaviourSealing(keys);
    }

    private static String generatedMasterKey(PhoneSecuritySettings settings, Path state) {
        if (!settings.generateMasterKey()) {
            throw new IllegalArgumentException("apprentice.phone-security.master-key: expected a base64 key of 32 bytes"
                    + " (or apprentice.phone-security.generate-master-key=true for development)");
        }
        Path file = state.resolve(GENERATED_MASTER_KEY);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(state);
            String key = UserDataKeys.generateMasterKey();
            Path tmp = state.resolve(GENERATED_MASTER_KEY + ".tmp");
            Files.writeString(tmp, key, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                Log.debug("no POSIX permissions here; the master key file keeps the default ones");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Log.warnf("generated a development master key for the users' data keys in %s: set"
                    + " apprentice.phone-security.master-key in production", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development master key in " + state, e);
        }
    }
}
