package dev.apprentice.il.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.env.reference.ReferenceTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpertRecorderTest {

    @Test
    void recordsAnEpisodeAsContiguousStepsEndingInATerminalOne() {
        ReferenceTask task = ReferenceTask.CARTPOLE;
        Instant start = Instant.parse("2026-11-25T00:00:00Z");

        List<ExpertStep> steps = ExpertRecorder.record("cartpole", "expert", "e1", task.environments().get(),
                task.expert(), 5, task.maxEpisodeSteps(), start, Duration.ofMillis(20), Map.of("style", "scripted"));

        assertEquals(task.maxEpisodeSteps(), steps.size(), "the scripted expert balances until the time limit");
        for (int t = 0; t < steps.size(); t++) {
            ExpertStep s = steps.get(t);
            assertEquals(t, s.step());
            assertEquals(start.plusMillis(20L * t), s.eventTime());
            assertTrue(s.discreteAction());
            assertEquals(Map.of("style", "scripted", "seed", "5"), s.metadata());
            if (t < steps.size() - 1) {
                assertFalse(s.terminal());
                assertNull(s.finalState());
            }
        }
        ExpertStep last = steps.get(steps.size() - 1);
        assertTrue(last.terminal() && last.timeLimited());
        assertNotNull(last.finalState());
    }

    @Test
    void anEpisodeTheEnvironmentEndsIsNotTimeLimited() {
        ReferenceTask task = ReferenceTask.CARTPOLE;

        List<ExpertStep> steps = ExpertRecorder.record("cartpole", "pusher", "e2", task.environments().get(),
                (obs, rng) -> new float[] {1f}, 9, task.maxEpisodeSteps(), Instant.EPOCH, Duration.ofMillis(20), Map.of());

        ExpertStep last = steps.get(steps.size() - 1);
        assertTrue(steps.size() < task.maxEpisodeSteps(), "always pushing right topples the pole");
        assertTrue(last.terminal());
        assertFalse(last.timeLimited());
    }
}
