package dev.apprentice.phonesecurity.privacy;

import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.phonesecurity.schema.BehaviourPayload;
import dev.apprentice.phonesecurity.schema.BehaviourRecord;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals any payload, valid or not, exactly as {@link BehaviourSealing} does: for tests of what
 * happens after a record authenticates, e.g. a phone that sends 29 timings.
 */
public final class RawSealing {

    private RawSealing() {
    }

    /** A correctly sealed record around {@code payload}, whatever it holds. */
    public static BehaviourRecord seal(UserDataKeys keys, String userId, String sessionId, int sequence, Instant capturedAt,
            boolean endsSession, BehaviourPayload payload) throws GeneralSecurityException {
        DataKey key = keys.keyFor(userId);
        byte[] plain = AvroSingleObjectCodec.forClass(BehaviourPayload.class).encode(payload);
        byte[] nonce = new byte[BehaviourSealing.NONCE_BYTES];
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(BehaviourSealing.TAG_BYTES * 8, nonce));
        gcm.updateAAD(BehaviourSealing.associatedData(userId, sessionId, sequence, capturedAt.toEpochMilli(), endsSession));
        byte[] body = gcm.doFinal(plain);
        byte[] sealed = new byte[nonce.length + body.length];
        System.arraycopy(body, 0, sealed, nonce.length, body.length);
        return BehaviourRecord.newBuilder().setUserId(userId).setSessionId(sessionId).setSequence(sequence)
                .setCapturedAt(capturedAt).setEndsSession(endsSession).setKeyId(key.keyId())
                .setSealed(ByteBuffer.wrap(sealed)).build();
    }
}
