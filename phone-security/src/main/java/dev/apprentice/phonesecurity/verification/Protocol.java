package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.data.HoldAndTapData;
import dev.apprentice.phonesecurity.data.RecordedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The evaluation protocol on Hold-and-Tap, fixed so that no method can be trained on what it is
 * tested on: for each seed the users are shuffled and split into three disjoint groups.
 * <ul>
 *   <li>Enrolled users: each enrols on their first {@code enrolmentSamples} Sitting samples and is
 *       verified on the rest of their Sitting samples and on all their Standing and Walking samples.</li>
 *   <li>Background users: every one of their samples, in all three activities, is the pool methods
 *       may learn "other people" from.</li>
 *   <li>Impostor users: never seen in training; their samples of the test activity are the attacks.</li>
 * </ul>
 * Enrolment uses Sitting only because only the Sitting files are in capture order: "first 15
 * samples, then the later ones" is a split in time there, as it would be on a phone. Standing and
 * Walking rows are sorted by a sensor feature, so a first-k split there would enrol on one end of a
 * feature's range and test on the other; they are used whole, as a change of activity after
 * enrolment.
 *
 * @param enrolledUsers users who enrol and are verified
 * @param backgroundUsers users whose samples form the background pool
 * @param impostorUsers users who only attack
 * @param enrolmentSamples Sitting samples each enrolled user enrols on
 */
public record Protocol(int enrolledUsers, int backgroundUsers, int impostorUsers, int enrolmentSamples) {

    public Protocol {
        positive(enrolledUsers, "enrolledUsers");
        positive(backgroundUsers, "backgroundUsers");
        positive(impostorUsers, "impostorUsers");
        positive(enrolmentSamples, "enrolmentSamples");
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": expected at least 1, found " + value);
        }
    }

    /** 50 enrolled, 25 background and 20 impostor users; enrolment on 15 Sitting samples. */
    public static Protocol standard() {
        return new Protocol(50, 25, 20, 15);
    }

    /**
     * The split for {@code seed}: the users in label order, shuffled by a {@link SplittableRandom}
     * seeded with it (Fisher–Yates), then cut into enrolled, background and impostor users.
     *
     * @throws IllegalArgumentException if the data has fewer users than the three groups need, or
     *     an enrolled user has no Sitting sample left to verify after enrolment
     */
    public Split split(HoldAndTapData data, long seed) {
        List<String> users = new ArrayList<>(data.users());
        int needed = enrolledUsers + backgroundUsers + impostorUsers;
        if (users.size() < needed) {
            throw new IllegalArgumentException("protocol: expected at least " + needed + " users (" + enrolledUsers
                    + " enrolled, " + backgroundUsers + " background, " + impostorUsers + " impostors), the data has "
                    + users.size());
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = users.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = users.get(i);
            users.set(i, users.get(j));
            users.set(j, swap);
        }
        List<String> enrolled = List.copyOf(users.subList(0, enrolledUsers));
        for (String user : enrolled) {
            int sitting = data.samples(user, Activity.SITTING).size();
            if (sitting <= enrolmentSamples) {
                throw new IllegalArgumentException("protocol: user " + user + " has " + sitting + " Sitting samples;"
                        + " expected more than the " + enrolmentSamples + " to enrol on");
            }
        }
        return new Split(this, seed, data, enrolled,
                List.copyOf(users.subList(enrolledUsers, enrolledUsers + backgroundUsers)),
                List.copyOf(users.subList(enrolledUsers + backgroundUsers, needed)));
    }

    /**
     * One seed's split of the users and the samples each part of the protocol uses.
     *
     * @param protocol the protocol it follows
     * @param seed the seed of the shuffle
     * @param data the data split
     * @param enrolled the enrolled users
     * @param background the background users
     * @param impostors the impostor users
     */
    public record Split(Protocol protocol, long seed, HoldAndTapData data, List<String> enrolled, List<String> background,
            List<String> impostors) {

        /** Every sample of every background user, all activities, in user then activity then file order. */
        public List<RecordedSample> backgroundSamples() {
            List<RecordedSample> pool = new ArrayList<>();
            for (String user : background) {
                for (Activity activity : Activity.values()) {
                    pool.addAll(data.samples(user, activity));
                }
            }
            return List.copyOf(pool);
        }

        /** The enrolled user's first {@link Protocol#enrolmentSamples()} Sitting samples. */
        public List<RecordedSample> enrolment(String user) {
            return data.samples(enrolledUser(user), Activity.SITTING).subList(0, protocol.enrolmentSamples());
        }

        /**
         * The enrolled user's samples verified in {@code activity}, in file order: the Sitting samples
         * after enrolment, or all of Standing's or Walking's.
         */
        public List<RecordedSample> verification(String user, Activity activity) {
            List<RecordedSample> samples = data.samples(enrolledUser(user), activity);
            return activity == Activity.SITTING ? samples.subList(protocol.enrolmentSamples(), samples.size()) : samples;
        }

        /** The impostor's samples of {@code activity}, in file order. */
        public List<RecordedSample> attack(String impostor, Activity activity) {
            if (!impostors.contains(impostor)) {
                throw new IllegalArgumentException("impostor: expected one of this split's impostors " + impostors
                        + ", found '" + impostor + "'");
            }
            return data.samples(impostor, activity);
        }

        private String enrolledUser(String user) {
            if (!enrolled.contains(user)) {
                throw new IllegalArgumentException("user: expected one of this split's enrolled users " + enrolled
                        + ", found '" + user + "'");
            }
            return user;
        }
    }
}
