package dev.apprentice.il.data;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemonstrationSetTest {

    private static final Box STATES = Box.uniform(2, -1000, 1000);
    private static final Discrete ACTIONS = new Discrete(2);

    /**
     * Episode {@code id} with {@code steps} actions; state t is (id, t), so every sample says which
     * episode and step it came from.
     */
    private static Trajectory episode(int id, int steps) {
        float[] states = new float[(steps + 1) * 2];
        float[] actions = new float[steps];
        for (int t = 0; t <= steps; t++) {
            states[2 * t] = id;
            states[2 * t + 1] = t;
        }
        for (int t = 0; t < steps; t++) {
            actions[t] = (id + t) % 2;
        }
        return new Trajectory(2, 1, states, actions, null, false);
    }

    /** Ten episodes of lengths 3, 4, ..., 12. */
    private static DemonstrationSet tenEpisodes() {
        List<Trajectory> episodes = new ArrayList<>();
        for (int id = 0; id < 10; id++) {
            episodes.add(episode(id, 3 + id));
        }
        return DemonstrationSet.fromTrajectories(STATES, ACTIONS, episodes);
    }

    @Test
    void storesTheDecisionStatesAndActionsOfEveryEpisode() {
        DemonstrationSet set = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 2), episode(1, 3)));

        assertEquals(5, set.size());
        assertEquals(2, set.episodeCount());
        assertEquals(3, set.episodeLength(1));
        // the state after an episode's last action is not a decision state
        assertArrayEquals(new float[] {1, 0}, set.state(2));
        assertArrayEquals(new float[] {0}, set.action(3));
        assertEquals(new Transition(new float[] {1, 2}, new float[] {1}), set.transitions().get(4));
    }

    @Test
    void rejectsStateOutsideTheSpaceNamingEpisodeAndStep() {
        Trajectory bad = new Trajectory(2, 1, new float[] {0, 0, 0, 0, 5000, 0, 0, 0}, new float[] {0, 1, 0}, null, false);

        assertRejected(() -> DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 4), bad)),
                "episode 1, step 2: state[0]: expected a value in [-1000.0, 1000.0], found 5000.0");
    }

    @Test
    void rejectsActionOutsideTheSpaceNamingEpisodeAndStep() {
        Trajectory bad = new Trajectory(2, 1, new float[8], new float[] {0, 2, 1}, null, false);

        assertRejected(() -> DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(bad)),
                "episode 0, step 1: action: expected an action index in [0, 1], found 2");
    }

    @Test
    void rejectsNaNStateNamingEpisodeAndStep() {
        float[] states = new float[8];
        states[1] = Float.NaN;

        assertRejected(() -> DemonstrationSet.fromTrajectories(STATES, ACTIONS,
                List.of(new Trajectory(2, 1, states, new float[3], null, false))),
                "episode 0, step 0: state[1]: expected a number, found NaN");
    }

    @Test
    void rejectsEpisodeWhoseWidthsDoNotMatchTheSpaces() {
        Trajectory wide = new Trajectory(3, 1, new float[6], new float[1], null, false);

        assertRejected(() -> DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 1), wide)),
                "episode 1 has states of width 3 and actions of width 1, expected 2 and 1");
    }

    @Test
    void rejectsEpisodeWithoutActions() {
        assertRejected(() -> DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 2), episode(1, 0))),
                "episode 1 has no actions");
    }

    @Test
    void rejectsMissingEpisodesAndSpaces() {
        assertRejected(() -> DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of()), "expected at least 1 episode, found none");
        assertRejected(() -> DemonstrationSet.fromTrajectories(STATES, ACTIONS, null), "expected at least 1 episode, found none");
        assertRejected(() -> DemonstrationSet.fromTrajectories(null, ACTIONS, List.of(episode(0, 1))),
                "state and action spaces are required");
    }

    @Test
    void appendKeepsBothSetsEpisodesWholeAndInOrder() {
        // given
        DemonstrationSet first = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 3), episode(1, 4)));
        DemonstrationSet second = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(2, 5)));

        // when
        DemonstrationSet both = first.append(second);

        // then
        assertEquals(3, both.episodeCount());
        assertEquals(12, both.size());
        assertEquals(List.of(0, 1, 2), assertWholeEpisodes(both));
        assertEquals(DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 3), episode(1, 4), episode(2, 5)))
                .sha256(), both.sha256());
        assertEquals(2, first.episodeCount(), "the original set is unchanged");
    }

    @Test
    void appendRejectsASetWithOtherSpaces() {
        // given
        DemonstrationSet binary = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 3)));
        DemonstrationSet ternary = DemonstrationSet.fromTrajectories(STATES, new Discrete(3), List.of(episode(1, 3)));

        // when / then
        assertRejected(() -> binary.append(ternary), "cannot append states in " + STATES + " with actions in "
                + new Discrete(3) + ", expected states in " + STATES + " with actions in " + ACTIONS);
    }

    @Test
    void splitByEpisodeKeepsEveryEpisodeWholeOnExactlyOneSide() {
        DemonstrationSet set = tenEpisodes();

        DemonstrationSet.Split split = set.splitByEpisode(0.3, 17);

        assertEquals(7, split.training().episodeCount());
        assertEquals(3, split.validation().episodeCount());
        assertEquals(set.size(), split.training().size() + split.validation().size());
        Set<Integer> seen = new HashSet<>();
        for (DemonstrationSet side : List.of(split.training(), split.validation())) {
            for (int id : assertWholeEpisodes(side)) {
                assertTrue(seen.add(id), "episode " + id + " appears on both sides");
            }
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
    }

    /** Checks that each episode of {@code side} is one original episode, complete and in order; returns their ids. */
    private static List<Integer> assertWholeEpisodes(DemonstrationSet side) {
        List<Integer> ids = new ArrayList<>();
        int sample = 0;
        for (int e = 0; e < side.episodeCount(); e++) {
            int id = (int) side.state(sample)[0];
            assertEquals(3 + id, side.episodeLength(e), "episode " + id + " was cut");
            for (int t = 0; t < side.episodeLength(e); t++, sample++) {
                assertArrayEquals(new float[] {id, t}, side.state(sample));
                assertArrayEquals(new float[] {(id + t) % 2}, side.action(sample));
            }
            ids.add(id);
        }
        return ids;
    }

    @Test
    void splitByEpisodeIsDeterministicForASeed() {
        DemonstrationSet set = tenEpisodes();

        DemonstrationSet.Split first = set.splitByEpisode(0.3, 17);
        DemonstrationSet.Split second = set.splitByEpisode(0.3, 17);

        assertEquals(first.training().sha256(), second.training().sha256());
        assertEquals(first.validation().sha256(), second.validation().sha256());
    }

    @Test
    void splitByEpisodeDependsOnTheSeed() {
        DemonstrationSet set = tenEpisodes();
        Set<String> validationSets = new HashSet<>();

        for (long seed = 0; seed < 5; seed++) {
            validationSets.add(set.splitByEpisode(0.3, seed).validation().sha256());
        }

        assertTrue(validationSets.size() > 1, "five seeds gave the same validation episodes");
    }

    @Test
    void splitByEpisodeKeepsAtLeastOneEpisodeOnEachSide() {
        DemonstrationSet set = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 2), episode(1, 2)));

        DemonstrationSet.Split tiny = set.splitByEpisode(0.01, 3);
        DemonstrationSet.Split huge = set.splitByEpisode(0.99, 3);

        assertEquals(1, tiny.validation().episodeCount());
        assertEquals(1, huge.training().episodeCount());
    }

    @Test
    void singleEpisodeCannotBeSplit() {
        DemonstrationSet set = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 5)));

        assertRejected(() -> set.splitByEpisode(0.5, 1), "needs at least 2 episodes, found 1");
    }

    @Test
    void rejectsValidationFractionOutsideTheOpenUnitInterval() {
        DemonstrationSet set = tenEpisodes();

        assertRejected(() -> set.splitByEpisode(0, 1), "validation fraction: expected a value in (0, 1), found 0.0");
        assertRejected(() -> set.splitByEpisode(1, 1), "validation fraction: expected a value in (0, 1), found 1.0");
        assertRejected(() -> set.splitByEpisode(Double.NaN, 1), "found NaN");
    }

    @Test
    void rejectsSelectingNoEpisodes() {
        assertRejected(() -> tenEpisodes().selectEpisodes(new int[0]), "cannot select zero episodes");
    }

    @Test
    void stateMomentsArePerDimensionMeanAndPopulationStd() {
        // decision states (1, 10), (2, 10), (3, 10), (4, 10); the final states (100, -100) are not decisions
        Trajectory first = new Trajectory(2, 1, new float[] {1, 10, 2, 10, 100, -100}, new float[] {0, 1}, null, false);
        Trajectory second = new Trajectory(2, 1, new float[] {3, 10, 4, 10, 100, -100}, new float[] {1, 0}, null, false);
        DemonstrationSet set = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(first, second));

        float[][] moments = set.stateMoments();

        assertArrayEquals(new float[] {2.5f, 10f}, moments[0], 1e-6f);
        assertArrayEquals(new float[] {(float) Math.sqrt(1.25), 0f}, moments[1], 1e-6f);
    }

    @Test
    void sha256IsStableForTheSameData() {
        String first = tenEpisodes().sha256();
        String second = tenEpisodes().sha256();

        assertEquals(first, second);
        assertEquals(64, first.length());
    }

    @Test
    void sha256ChangesWhenOneStateFloatChanges() {
        Trajectory original = episode(1, 3);
        Trajectory nudged = new Trajectory(2, 1, new float[] {1, 0, 1, Math.nextUp(1f), 1, 2, 1, 3},
                new float[] {1, 0, 1}, null, false);

        String before = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 2), original)).sha256();
        String after = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(0, 2), nudged)).sha256();

        assertNotEquals(before, after);
    }

    @Test
    void sha256ChangesWhenOneActionChanges() {
        Trajectory flipped = new Trajectory(2, 1, new float[] {1, 0, 1, 1, 1, 2, 1, 3}, new float[] {1, 0, 0}, null, false);

        String before = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(episode(1, 3))).sha256();
        String after = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(flipped)).sha256();

        assertNotEquals(before, after);
    }

    @Test
    void sha256ChangesWhenEpisodeBoundariesMove() {
        // the same six samples, cut into episodes differently
        Trajectory a = new Trajectory(2, 1, new float[] {0, 0, 0, 1, 0, 2}, new float[] {0, 1}, null, false);
        Trajectory b = new Trajectory(2, 1, new float[] {0, 2, 0, 3, 0, 4, 0, 5}, new float[] {0, 1, 0}, null, false);
        Trajectory c = new Trajectory(2, 1, new float[] {0, 0, 0, 1, 0, 2, 0, 3}, new float[] {0, 1, 0}, null, false);
        Trajectory d = new Trajectory(2, 1, new float[] {0, 3, 0, 4, 0, 5}, new float[] {1, 0}, null, false);

        DemonstrationSet twoThenThree = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(a, b));
        DemonstrationSet threeThenTwo = DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(c, d));

        assertEquals(twoThenThree.transitions(), threeThenTwo.transitions());
        assertNotEquals(twoThenThree.sha256(), threeThenTwo.sha256());
    }

    @Test
    void mapStatesEncodesEveryStateAndKeepsEpisodesAndActions() {
        DemonstrationSet set = tenEpisodes();
        Box sums = Box.uniform(1, -2000, 2000);

        DemonstrationSet encoded = set.mapStates(sums, s -> new float[] {s[0] + s[1]});

        assertEquals(set.size(), encoded.size());
        assertEquals(set.episodeCount(), encoded.episodeCount());
        assertEquals(sums, encoded.stateSpace());
        for (int i = 0; i < set.size(); i++) {
            assertArrayEquals(new float[] {set.state(i)[0] + set.state(i)[1]}, encoded.state(i));
            assertArrayEquals(set.action(i), encoded.action(i));
        }
    }

    @Test
    void mapStatesRejectsAnEncodingOutsideItsSpaceNamingEpisodeAndStep() {
        DemonstrationSet set = tenEpisodes();

        assertRejected(() -> set.mapStates(Box.uniform(1, 0, 10), s -> new float[] {s[0] + s[1]}),
                "episode 5, step 6: encoded state");
    }
}
