package dev.apprentice.anesthesia.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.expert.PidAnaesthesiologist;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.CaseTrace;
import dev.apprentice.anesthesia.sim.MonitorNoise;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import dev.apprentice.anesthesia.sim.PropofolModel;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnesthesiaEnvironmentTest {

    private static final CaseSettings SHORT = new CaseSettings(1200, 1500, 10, PropofolModel.SCHNIDER,
            PropofolModel.SCHNIDER, MonitorNoise.DEFAULT, true);

    @Test
    void theRewardIsTheShareOfMaintenanceSecondsInTheBandLessHalfTheShareOfHypotension() {
        int checked = 0;
        boolean sawHypotension = false;
        for (long seed = 0; seed < 13; seed++) {
            checked += checkRewards(seed);
            sawHypotension |= hypotensionSeen;
        }
        assertTrue(checked > 13 * 50 && sawHypotension, checked + " maintenance steps, hypotension seen: " + sawHypotension);
    }

    private boolean hypotensionSeen;

    private int checkRewards(long seed) {
        // Given a cohort case under the PID expert
        AnesthesiaEnvironment env = new AnesthesiaEnvironment(SHORT, PatientSource.COHORT);
        Actor pid = PidAnaesthesiologist.TUNED.actor().forEpisode();
        float[] o = env.reset(seed);
        int checked = 0;
        hypotensionSeen = false;
        while (true) {
            int from = env.currentCase().trace().length();

            // When it steps
            StepResult r = env.step(pid.act(o, null));

            // Then in maintenance the reward is recomputed from the trace, second by second
            CaseTrace trace = env.currentCase().trace();
            int seconds = trace.length() - from;
            if (CasePhase.at(from) == CasePhase.MAINTENANCE) {
                int inBand = 0;
                int hypotensive = 0;
                for (int i = from; i < trace.length(); i++) {
                    inBand += trace.bisShown(i) >= 40 && trace.bisShown(i) <= 60 ? 1 : 0;
                    hypotensive += trace.mapShown(i) < 65 ? 1 : 0;
                }
                assertEquals((inBand - 0.5 * hypotensive) / seconds, r.reward(), 1e-12, "step from " + from);
                checked++;
                hypotensionSeen |= hypotensive > 0;
            }
            o = r.observation();
            if (r.done()) {
                assertTrue(r.truncated() && !r.terminated(), "a case ends by its length");
                assertEquals(env.currentCase().seconds(), trace.length());
                return checked;
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameTrajectoryForTheSameActions() {
        assertArrayEquals(trajectory(11).toArray(), trajectory(11).toArray());
        assertFalse(trajectory(11).get(5).equals(trajectory(12).get(5)), "another seed, another case");
    }

    private static List<String> trajectory(long seed) {
        AnesthesiaEnvironment env = new AnesthesiaEnvironment(SHORT, PatientSource.RANDOM);
        List<String> out = new ArrayList<>();
        out.add(java.util.Arrays.toString(env.reset(seed)));
        for (int i = 0; i < 40; i++) {
            StepResult r = env.step(new float[] {i < 6 ? 90 : 8, 0.15f});
            out.add(java.util.Arrays.toString(r.observation()) + " " + r.reward());
        }
        return out;
    }

    @Test
    void stepBeforeResetAndActionsOutsideTheSpaceAreRefused() {
        AnesthesiaEnvironment env = new AnesthesiaEnvironment(SHORT, PatientSource.RANDOM);
        assertThrows(IllegalStateException.class, () -> env.step(new float[] {8, 0.15f}));

        env.reset(1);

        assertThrows(IllegalArgumentException.class, () -> env.step(new float[] {-1, 0.15f}));
        assertThrows(IllegalArgumentException.class, () -> env.step(new float[] {601, 0.15f}));
        assertThrows(IllegalArgumentException.class, () -> env.step(new float[] {Float.NaN, 0.15f}));
    }

    @Test
    void thirteenConsecutiveCohortSeedsCoverTheThirteenPatientsOnce() {
        List<Patient> cohort = PatientCohort.ionescu2008();
        for (long first : new long[] {0, 5, 1_000_003, -7}) {
            Set<Patient> seen = new HashSet<>();
            for (long seed = first; seed < first + 13; seed++) {
                seen.add(PatientSource.COHORT.patient(seed));
            }
            assertEquals(new HashSet<>(cohort), seen, "from seed " + first);
        }
    }
}
