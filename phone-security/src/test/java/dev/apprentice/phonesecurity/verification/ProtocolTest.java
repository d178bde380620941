package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.data.HoldAndTapData;
import dev.apprentice.phonesecurity.data.RecordedSample;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    private final HoldAndTapData data = RealData.holdAndTap();

    @Test
    void givenASeedThenEnrolledBackgroundAndImpostorUsersAreDisjointAndCoverEveryone() {
        Protocol.Split split = Protocol.standard().split(data, 1);

        Set<String> all = new HashSet<>(split.enrolled());
        all.addAll(split.background());
        all.addAll(split.impostors());

        assertEquals(50, split.enrolled().size());
        assertEquals(25, split.background().size());
        assertEquals(20, split.impostors().size());
        assertEquals(95, all.size(), "disjoint groups of 50 + 25 + 20 users");
    }

    @Test
    void givenASplitThenNoSampleIsInTwoOfEnrolmentVerificationBackgroundAndAttacks() {
        for (long seed = 1; seed <= 3; seed++) {
            Protocol.Split split = Protocol.standard().split(data, seed);
            Map<String, String> role = new HashMap<>();
            for (String user : split.enrolled()) {
                claim(role, split.enrolment(user), "enrolment");
                for (Activity activity : Activity.values()) {
                    claim(role, split.verification(user, activity), "verification");
                }
            }
            claim(role, split.backgroundSamples(), "background");
            for (String impostor : split.impostors()) {
                for (Activity activity : Activity.values()) {
                    claim(role, split.attack(impostor, activity), "attack");
                }
            }

            assertEquals(3 * 2850 - 55, role.size(), "every kept sample has exactly one role");
        }
    }

    @Test
    void enrolmentIsTheFirstFifteenSittingSamplesAndSittingVerificationTheRest() {
        Protocol.Split split = Protocol.standard().split(data, 2);
        String user = split.enrolled().get(0);
        List<RecordedSample> sitting = data.samples(user, Activity.SITTING);

        assertEquals(sitting.subList(0, 15), split.enrolment(user));
        assertEquals(sitting.subList(15, 30), split.verification(user, Activity.SITTING));
        assertEquals(data.samples(user, Activity.STANDING), split.verification(user, Activity.STANDING));
        assertEquals(data.samples(user, Activity.WALKING), split.verification(user, Activity.WALKING));
        assertEquals(25 * 90 - split.background().stream().mapToInt(u -> 30 - data.samples(u, Activity.WALKING).size()).sum(),
                split.backgroundSamples().size());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Protocol.Split one = Protocol.standard().split(data, 1);

        assertEquals(one.enrolled(), Protocol.standard().split(data, 1).enrolled());
        assertEquals(one.impostors(), Protocol.standard().split(data, 1).impostors());
        assertNotEquals(one.enrolled(), Protocol.standard().split(data, 2).enrolled());
    }

    @Test
    void groupsLargerThanTheDataOrEmptyAreRefused() {
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> new Protocol(60, 25, 20, 15).split(data, 1));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new Protocol(50, 0, 20, 15));
        IllegalArgumentException allSitting = assertThrows(IllegalArgumentException.class,
                () -> new Protocol(50, 25, 20, 30).split(data, 1));

        assertEquals("protocol: expected at least 105 users (60 enrolled, 25 background, 20 impostors), the data has 95",
                tooMany.getMessage());
        assertEquals("backgroundUsers: expected at least 1, found 0", none.getMessage());
        assertTrue(allSitting.getMessage().endsWith("has 30 Sitting samples; expected more than the 30 to enrol on"),
                allSitting.getMessage());
    }

    @Test
    void onlyTheSplitsOwnUsersCanBeAskedFor() {
        Protocol.Split split = Protocol.standard().split(data, 1);
        String impostor = split.impostors().get(0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> split.enrolment(impostor));
        assertThrows(IllegalArgumentException.class, () -> split.attack(split.enrolled().get(0), Activity.SITTING));

        assertTrue(e.getMessage().endsWith("found '" + impostor + "'"), e.getMessage());
    }

    private static void claim(Map<String, String> role, List<RecordedSample> samples, String part) {
        for (RecordedSample s : samples) {
            String key = s.activity() + ":" + s.line();
            String before = role.put(key, part);
            assertNull(before, key + " is in " + before + " and " + part);
        }
    }
}
