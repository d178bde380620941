package dev.apprentice.phonesecurity.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.behaviour.TestSamples;
import dev.apprentice.phonesecurity.schema.BehaviourRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BehaviourSealingTest {

    @TempDir
    Path dir;

    private final String master = UserDataKeys.generateMasterKey();
    private UserDataKeys keys;
    private BehaviourSealing sealing;

    @BeforeEach
    void openRing() {
        keys = UserDataKeys.open(dir, master);
        sealing = new BehaviourSealing(keys);
    }

    @Test
    void aSealedSampleOpensUnchanged() {
        BehaviourSample sample = TestSamples.sample("user-1", "s-1", 3);

        BehaviourRecord record = sealing.seal(sample);

        assertEquals(sample, sealing.open(record));
        assertEquals("user-1", record.getUserId());
        assertEquals("s-1", record.getSessionId());
        assertEquals(3, record.getSequence());
        assertEquals(keys.key("user-1").orElseThrow().keyId(), record.getKeyId());
    }

    @Test
    void theSealedBytesShowNoFeatureAndDifferEachTime() {
        BehaviourSample sample = TestSamples.sample("user-1", "s-1", 0);

        byte[] once = bytes(sealing.seal(sample));
        byte[] twice = bytes(sealing.seal(sample));

        assertNotEquals(ByteBuffer.wrap(once), ByteBuffer.wrap(twice), "a fresh nonce per record");
        float firstTiming = TestSamples.features()[0];
        byte[] pattern = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(firstTiming).array();
        assertFalse(contains(once, pattern), "Avro writes floats little-endian: the plain value must not be there");
    }

    @Test
    void aTamperedRecordDoesNotOpenAndTheMessageShowsNoValue() {
        BehaviourRecord record = sealing.seal(TestSamples.sample("user-1", "s-1", 0));
        byte[] sealed = bytes(record);
        sealed[sealed.length / 2] ^= 1;
        record.setSealed(ByteBuffer.wrap(sealed));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sealing.open(record));

        assertTrue(e.getMessage().startsWith("sealed: does not authenticate"), e.getMessage());
        assertFalse(TestSamples.showsAFeatureValue(e.getMessage()), e.getMessage());
    }

    @Test
    void aRecordMovedToAnotherSessionPositionOrTimeDoesNotOpen() {
        BehaviourRecord original = sealing.seal(TestSamples.sample("user-1", "s-1", 4));

        for (BehaviourRecord moved : new BehaviourRecord[] {
                BehaviourRecord.newBuilder(original).setSessionId("s-2").build(),
                BehaviourRecord.newBuilder(original).setSequence(5).build(),
                BehaviourRecord.newBuilder(original).setCapturedAt(original.getCapturedAt().plusMillis(1)).build(),
                BehaviourRecord.newBuilder(original).setEndsSession(true).build()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sealing.open(moved));
            assertTrue(e.getMessage().startsWith("sealed: does not authenticate"), e.getMessage());
        }
    }

    @Test
    void aRecordMovedToAnotherUserDoesNotOpen() {
        BehaviourRecord alices = sealing.seal(TestSamples.sample("alice", "s-1", 0));
        String bobsKey = keys.keyFor("bob").keyId();

        BehaviourRecord asBobs = BehaviourRecord.newBuilder(alices).setUserId("bob").build();
        BehaviourRecord asBobsWithHisKeyId = BehaviourRecord.newBuilder(asBobs).setKeyId(bobsKey).build();

        assertTrue(assertThrows(IllegalArgumentException.class, () -> sealing.open(asBobs)).getMessage()
                .startsWith("keyId: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sealing.open(asBobsWithHisKeyId)).getMessage()
                .startsWith("sealed: does not authenticate"));
    }

    @Test
    void aDeletedUsersRecordsNoLongerOpen() {
        // given
        BehaviourRecord record = sealing.seal(TestSamples.sample("user-1", "s-1", 0));

        // when
        keys.destroy("user-1");

        // then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sealing.open(record));
        assertEquals("userId: no data key (the user was deleted or never enrolled)", e.getMessage());
        IllegalArgumentException afterRestart = assertThrows(IllegalArgumentException.class,
                () -> new BehaviourSealing(UserDataKeys.open(dir, master)).open(record));
        assertEquals(e.getMessage(), afterRestart.getMessage());
    }

    @Test
    void aDeletedUsersOldRecordsStayUnusableWhenTheyEnrolAgain() {
        BehaviourRecord old = sealing.seal(TestSamples.sample("user-1", "s-1", 0));
        keys.destroy("user-1");

        sealing.seal(TestSamples.sample("user-1", "s-2", 0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sealing.open(old));
        assertTrue(e.getMessage().startsWith("keyId: the record was sealed with another data key"), e.getMessage());
    }

    @Test
    void aDamagedKeyRefusesItsUsersRecordsAsBadRecordsNotAsAFailureOfTheRing() throws Exception {
        BehaviourRecord record = sealing.seal(TestSamples.sample("user-1", "s-1", 0));
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.toString().endsWith(UserDataKeys.KEY_SUFFIX)).findFirst().orElseThrow();
        }
        Files.write(file, new byte[UserDataKeys.FILE_BYTES]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BehaviourSealing(UserDataKeys.open(dir, master)).open(record));

        assertTrue(e.getMessage().startsWith("userId: the user's data key cannot be used: data key file "), e.getMessage());
    }

    @Test
    void aTruncatedSealedFieldIsReportedWithItsLength() {
        BehaviourRecord record = BehaviourRecord.newBuilder(sealing.seal(TestSamples.sample("user-1", "s-1", 0)))
                .setSealed(ByteBuffer.wrap(new byte[20])).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sealing.open(record));

        assertEquals("sealed: expected a 12-byte nonce and a 16-byte tag at least, found 20 bytes", e.getMessage());
    }

    private static byte[] bytes(BehaviourRecord record) {
        ByteBuffer b = record.getSealed().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
