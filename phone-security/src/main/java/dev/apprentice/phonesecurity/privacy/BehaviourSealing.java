package dev.apprentice.phonesecurity.privacy;

import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.il.stream.PayloadException;
import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.App;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.behaviour.Identifiers;
import dev.apprentice.phonesecurity.schema.BehaviourPayload;
import dev.apprentice.phonesecurity.schema.BehaviourRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a behaviour sample into the record that travels on the topic, and opens it again, with the
 * user's own data key: AES-256-GCM, a 12-byte random nonce and a 128-bit tag over the payload's
 * Avro single-object encoding. The clear fields (user, session, sequence, capture time, session
 * end) are authenticated with the payload, so a record edited or moved to another user, session or
 * position does not open. A record that does not open says which field is at fault and never
 * shows a feature value.
 *
 * <pre>{@code
 * BehaviourSealing sealing = new BehaviourSealing(keys);
 * BehaviourRecord record = sealing.seal(sample);   // creates the user's key on first use
 * BehaviourSample again = sealing.open(record);    // IllegalArgumentException once the user is deleted
 * }</pre>
 */
public final class BehaviourSealing {

    /** Bytes of the random nonce that starts {@code sealed}. */
    public static final int NONCE_BYTES = 12;
    /** Bytes of the GCM tag that ends {@code sealed}. */
    public static final int TAG_BYTES = 16;

    /** Separates these associated data from any other use of the same key; the version allows a new layout. */
    private static final byte[] CONTEXT = "apprentice phone-security behaviour record v1".getBytes(StandardCharsets.UTF_8);

    private final UserDataKeys keys;
    private final AvroSingleObjectCodec<BehaviourPayload> payloads = AvroSingleObjectCodec.forClass(BehaviourPayload.class);
    private final SecureRandom random = new SecureRandom();

    /** @param keys the ring holding every user's data key */
    public BehaviourSealing(UserDataKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The record of a sample, its behaviour sealed with the user's data key (created on first use). */
    public BehaviourRecord seal(BehaviourSample sample) {
        DataKey key = keys.keyFor(sample.userId());
        float[] features = sample.features();
        BehaviourPayload payload = BehaviourPayload.newBuilder()
                .setActivity(dev.apprentice.phonesecurity.schema.Activity.valueOf(sample.activity().name()))
                .setApp(dev.apprentice.phonesecurity.schema.App.valueOf(sample.app().name()))
                .setLocalHour(sample.localHour().isPresent() ? sample.localHour().getAsInt() : null)
                .setTouch(floats(features, 0, BehaviourLayout.TOUCH))
                .setSensor(floats(features, BehaviourLayout.TOUCH, BehaviourLayout.FEATURES))
                .build();
        byte[] plain = payloads.encode(payload);
        byte[] sealed = new byte[NONCE_BYTES + plain.length + TAG_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            gcm.updateAAD(associatedData(sample.userId(), sample.sessionId(), sample.sequence(),
                    sample.capturedAt().toEpochMilli(), sample.endsSession()));
            gcm.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
        return BehaviourRecord.newBuilder()
                .setUserId(sample.userId())
                .setSessionId(sample.sessionId())
                .setSequence(sample.sequence())
                .setCapturedAt(sample.capturedAt())
                .setEndsSession(sample.endsSession())
                .setKeyId(key.keyId())
                .setSealed(ByteBuffer.wrap(sealed))
                .build();
    }

    /**
     * The sample a record holds.
     *
     * @throws IllegalArgumentException naming the field when the record cannot be opened: a
     *     deleted or unknown user ({@code userId}), a key other than the user's ({@code keyId}), a
     *     tampered or moved record ({@code sealed}), or a payload that is not a valid sample
     *     ({@code touch}, {@code sensor[5]}, ...); never with a feature value
     */
    public BehaviourSample open(BehaviourRecord record) {
        String userId = Identifiers.requireUserId(record.getUserId());
        String sessionId = Identifiers.requireSessionId(record.getSessionId());
        DataKey key = userKey(userId);
        if (!key.keyId().equals(record.getKeyId())) {
            throw new IllegalArgumentException("keyId: the record was sealed with another data key than the user's"
                    + " (the user was deleted and enrolled again)");
        }
        ByteBuffer buffer = record.getSealed().duplicate();
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        if (sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new IllegalArgumentException("sealed: expected a " + NONCE_BYTES + "-byte nonce and a " + TAG_BYTES
                    + "-byte tag at least, found " + sealed.length + " bytes");
        }
        byte[] plain;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, NONCE_BYTES));
            gcm.updateAAD(associatedData(userId, sessionId, record.getSequence(), record.getCapturedAt().toEpochMilli(),
                    record.getEndsSession()));
            plain = gcm.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed: does not authenticate under the user's data key (tampered, or"
                    + " moved from another user, session, position or time)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
        BehaviourPayload payload;
        try {
            payload = payloads.decode(plain);
        } catch (PayloadException e) {
            throw new IllegalArgumentException("sealed: opens, but holds no readable BehaviourPayload: " + e.getMessage(),
                    e);
        }
        return sample(userId, sessionId, record, payload);
    }

    private DataKey userKey(String userId) {
        Optional<DataKey> key;
        try {
            key = keys.key(userId);
        } catch (CorruptDataKeyException e) {
            // One user's damaged key must not stop the records of everyone else: this record is refused, the rest go on.
            throw new IllegalArgumentException("userId: the user's data key cannot be used: " + e.getMessage(), e);
        }
        return key.orElseThrow(() -> new IllegalArgumentException(
                "userId: no data key (the user was deleted or never enrolled)"));
    }

    private static BehaviourSample sample(String userId, String sessionId, BehaviourRecord record,
            BehaviourPayload payload) {
        float[] features = new float[BehaviourLayout.FEATURES];
        copy(payload.getTouch(), "touch", BehaviourLayout.TOUCH, features, 0);
        copy(payload.getSensor(), "sensor", BehaviourLayout.SENSOR, features, BehaviourLayout.TOUCH);
        Integer hour = payload.getLocalHour();
        return new BehaviourSample(userId, sessionId, record.getSequence(), record.getCapturedAt(),
                Activity.valueOf(payload.getActivity().name()), App.valueOf(payload.getApp().name()),
                hour == null ? OptionalInt.empty() : OptionalInt.of(hour), features, record.getEndsSession());
    }

    private static void copy(List<Float> values, String field, int expected, float[] into, int at) {
        if (values.size() != expected) {
            throw new IllegalArgumentException(field + ": expected " + expected + " values, found " + values.size());
        }
        for (int i = 0; i < expected; i++) {
            into[at + i] = values.get(i);
        }
    }

    private static List<Float> floats(float[] features, int from, int to) {
        List<Float> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(features[i]);
        }
        return out;
    }

    /**
     * What the tag binds besides the payload: a fixed context, then the user id and session id
     * (each as a 2-byte length and UTF-8), the sequence (4 bytes), the capture time in epoch
     * milliseconds (8 bytes) and the session end (1 byte), big-endian. Lengths make the encoding
     * unambiguous: ("ab", "c") and ("a", "bc") differ.
     */
    static byte[] associatedData(String userId, String sessionId, int sequence, long capturedAtMillis,
            boolean endsSession) {
        byte[] user = userId.getBytes(StandardCharsets.UTF_8);
        byte[] session = sessionId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(CONTEXT.length + 2 + user.length + 2 + session.length + 4 + 8 + 1)
                .put(CONTEXT)
                .putShort((short) user.length).put(user)
                .putShort((short) session.length).put(session)
                .putInt(sequence)
                .putLong(capturedAtMillis)
                .put((byte) (endsSession ? 1 : 0))
                .array();
    }
}
