package dev.apprentice.phonesecurity.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BehaviourSampleTest {

    @Test
    void itsTextShowsIdentityAndContextButNoFeature() {
        BehaviourSample sample = TestSamples.sample("user-1", "s-1", 3);

        String text = sample.toString();

        assertTrue(text.contains("user-1/s-1#3"), text);
        assertFalse(TestSamples.showsAFeatureValue(text), text);
    }

    @Test
    void keepsTheCaptureTimeToTheMillisecondAsRecordsDo() {
        BehaviourSample sample = new BehaviourSample("u", "s", 0, Instant.parse("2026-01-01T00:00:00.123456789Z"),
                Activity.SITTING, App.EMAIL, OptionalInt.empty(), TestSamples.features(), false);

        assertEquals(Instant.parse("2026-01-01T00:00:00.123Z"), sample.capturedAt());
    }

    @Test
    void rejectsAUserIdWithCharactersOutsideTheAlphabetWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSamples.sample("alice@example.org", "s", 0));

        assertTrue(e.getMessage().startsWith("userId: "), e.getMessage());
        assertFalse(e.getMessage().contains("alice"), e.getMessage());
    }

    @Test
    void rejectsAUserIdLongerThanSixtyFourCharacters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSamples.sample("u".repeat(65), "s", 0));

        assertTrue(e.getMessage().startsWith("userId: ") && e.getMessage().contains("65 characters"), e.getMessage());
    }

    @Test
    void changingTheReturnedFeaturesDoesNotChangeTheSample() {
        BehaviourSample sample = TestSamples.sample("u", "s", 0);

        sample.features()[0] = -1f;

        assertEquals(TestSamples.features()[0], sample.features()[0]);
    }
}
