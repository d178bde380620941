package dev.apprentice.phonesecurity.privacy;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One user's AES-256 data key and its id, which records carry so that a key replaced by a new
 * enrolment is told apart from the one that sealed them. The key material never leaves this
 * package, and {@link #toString()} shows the id only.
 */
public final class DataKey {

    private final String keyId;
    private final SecretKey key;

    DataKey(String keyId, byte[] material) {
        this.keyId = keyId;
        this.key = new SecretKeySpec(material, "AES");
    }

    /** The key's id: 16 hex digits, random, unrelated to the user. */
    public String keyId() {
        return keyId;
    }

    SecretKey secret() {
        return key;
    }

    @Override
    public String toString() {
        return "DataKey[" + keyId + "]";
    }
}
