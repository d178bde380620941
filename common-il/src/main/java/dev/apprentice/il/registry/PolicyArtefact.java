package dev.apprentice.il.registry;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A registered version in one self-verifying message, so that replicas receive policies through
 * Kafka instead of a shared disk: {@code "APPA"}, a format version, the model card's JSON and the
 * weights, each length-prefixed, then the SHA-256 of everything before it. Decoding checks the
 * lengths against the message, the trailing checksum, the card's weights checksum and the weights
 * format; any mismatch is a {@link CorruptArtefactException} saying which.
 */
public final class PolicyArtefact {

    /** The format version written. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'A', 'P', 'P', 'A'};
    private static final int SHA256_BYTES = 32;

    private PolicyArtefact() {
    }

    /** Encodes a stored card (JSON bytes) and its weights. */
    public static byte[] encode(byte[] cardJson, byte[] weights) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(cardJson.length + weights.length + 48);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(cardJson.length);
            out.write(cardJson);
            out.writeInt(weights.length);
            out.write(weights);
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] all = Arrays.copyOf(body, body.length + SHA256_BYTES);
            System.arraycopy(sha256(body), 0, all, body.length, SHA256_BYTES);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes and verifies an artefact.
     *
     * @throws CorruptArtefactException naming what does not verify
     */
    public static LoadedPolicy decode(byte[] message) {
        if (message == null || message.length < MAGIC.length + 12 + SHA256_BYTES) {
            throw new CorruptArtefactException("policy artefact: expected at least " + (MAGIC.length + 12 + SHA256_BYTES)
                    + " bytes, found " + (message == null ? 0 : message.length));
        }
        int bodyLength = message.length - SHA256_BYTES;
        if (!MessageDigest.isEqual(sha256(Arrays.copyOf(message, bodyLength)),
                Arrays.copyOfRange(message, bodyLength, message.length))) {
            throw new CorruptArtefactException("policy artefact: the SHA-256 of its content does not match its checksum");
        }
        ByteBuffer in = ByteBuffer.wrap(message, 0, bodyLength);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new CorruptArtefactException("policy artefact: expected the marker APPA, found another");
        }
        int format = in.getInt();
        if (format != FORMAT_VERSION) {
            throw new CorruptArtefactException("policy artefact: expected format " + FORMAT_VERSION + ", found " + format);
        }
        byte[] card = chunk(in, "model card");
        byte[] weights = chunk(in, "weights");
        if (in.hasRemaining()) {
            throw new CorruptArtefactException("policy artefact: " + in.remaining() + " unexpected bytes after the weights");
        }
        ModelCard parsed;
        try {
            parsed = PolicyRegistry.parseCard(card);
        } catch (IOException e) {
            throw new CorruptArtefactException("policy artefact: the model card is not valid JSON: " + e.getMessage(), e);
        }
        if (!PolicyRegistry.sha256(weights).equals(parsed.weightsSha256())) {
            throw new CorruptArtefactException("policy artefact " + parsed.model() + " v" + parsed.version()
                    + ": the weights' SHA-256 does not match the one in the model card");
        }
        try {
            return new LoadedPolicy(PolicyCodec.decode(weights), parsed);
        } catch (RuntimeException e) {
            throw new CorruptArtefactException("policy artefact " + parsed.model() + " v" + parsed.version()
                    + ": the weights cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static byte[] chunk(ByteBuffer in, String what) {
        if (in.remaining() < 4) {
            throw new CorruptArtefactException("policy artefact: truncated before the " + what + "'s length");
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new CorruptArtefactException("policy artefact: the " + what + " claims " + length + " bytes, "
                    + in.remaining() + " remain");
        }
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
