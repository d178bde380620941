package dev.apprentice.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.config.SecuritySettings;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.TooManyAttemptsException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-subject token bucket on a clock the test moves: bursts, refill, Retry-After, and bounded memory. */
class SubjectAttemptsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Counter refused = Counter.builder("refused").register(new SimpleMeterRegistry());

    private record Config(int limit, Duration window, int maxSubjects) implements SecuritySettings.SubjectAttemptSettings {
    }

    private SubjectAttempts attempts(int limit, Duration window, int maxSubjects) {
        return new SubjectAttempts(new Config(limit, window, maxSubjects), refused, now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aSubjectSpendsItsLimitAtOnceThenOneAttemptPerWindowOverLimit() {
        // given: 3 attempts a minute
        SubjectAttempts attempts = attempts(3, Duration.ofSeconds(60), 100);

        // when: three at once, then a fourth
        for (int i = 0; i < 3; i++) {
            attempts.acquire("alice");
        }
        TooManyAttemptsException refusal = assertThrows(TooManyAttemptsException.class, () -> attempts.acquire("alice"));

        // then: it waits a third of the window for the next, which one attempt then spends again
        assertEquals(20, refusal.retryAfterSeconds());
        assertEquals(429, refusal.status());
        assertEquals(1.0, refused.count());
        attempts.acquire("bob");
        advance(Duration.ofSeconds(19));
        assertEquals(1, assertThrows(TooManyAttemptsException.class, () -> attempts.acquire("alice")).retryAfterSeconds());
        advance(Duration.ofSeconds(1));
        attempts.acquire("alice");
        assertThrows(TooManyAttemptsException.class, () -> attempts.acquire("alice"));
        assertEquals(3.0, refused.count(), "refused attempts are counted; they spend nothing");
    }

    @Test
    void noStretchOfOneWindowHoldsMoreThanTwiceTheLimit() {
        // given: a subject trying every 100 ms for ten minutes
        SubjectAttempts attempts = attempts(30, Duration.ofSeconds(60), 100);
        long[] accepted = new long[6000];

        // when
        for (int tick = 0; tick < accepted.length; tick++) {
            try {
                attempts.acquire("prober");
                accepted[tick] = 1;
            } catch (TooManyAttemptsException e) {
                accepted[tick] = 0;
            }
            advance(Duration.ofMillis(100));
        }

        // then: a burst of 30, then 30 a minute
        long total = 0;
        long inWindow = 0;
        long mostInAWindow = 0;
        for (int tick = 0; tick < accepted.length; tick++) {
            total += accepted[tick];
            inWindow += accepted[tick] - (tick >= 600 ? accepted[tick - 600] : 0);
            mostInAWindow = Math.max(mostInAWindow, inWindow);
        }
        assertTrue(mostInAWindow <= 2 * 30, "at most the burst and a minute's refill in a minute: " + mostInAWindow);
        assertTrue(total >= 10 * 30 && total <= 30 + 10 * 30, "ten minutes: " + total);
    }

    @Test
    void subjectsCycledByACallerNeverHoldMoreThanMaxSubjectsAndIdleOnesAreDropped() {
        // given: at most 100 subjects tracked
        SubjectAttempts attempts = attempts(5, Duration.ofSeconds(10), 100);

        // when: 100,000 different subjects, one attempt each
        for (int i = 0; i < 100_000; i++) {
            attempts.acquire("subject-" + i);
        }

        // then: memory stays bounded, and once their buckets have refilled the subjects are forgotten
        assertTrue(attempts.trackedSubjects() <= 100, "tracked " + attempts.trackedSubjects());
        advance(Duration.ofSeconds(3));
        for (int i = 0; i < 60; i++) {
            attempts.acquire("later-" + i);
        }
        assertTrue(attempts.trackedSubjects() <= 60, "tracked " + attempts.trackedSubjects());
    }

    @Test
    void badSubjectIdsAndSettingsAreRefused() {
        // given
        SubjectAttempts attempts = attempts(5, Duration.ofSeconds(10), 100);

        // when / then
        assertEquals("subjectId", assertThrows(InvalidRequestException.class, () -> attempts.acquire("a/b")).field());
        assertThrows(IllegalArgumentException.class, () -> attempts(0, Duration.ofSeconds(10), 100));
        assertThrows(IllegalArgumentException.class, () -> attempts(5, Duration.ZERO, 100));
        assertThrows(IllegalArgumentException.class, () -> attempts(5, Duration.ofSeconds(10), 0));
    }
}
