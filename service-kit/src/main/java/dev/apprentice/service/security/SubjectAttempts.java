package dev.apprentice.service.security;

import dev.apprentice.service.config.SecuritySettings;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.TooManyAttemptsException;
import dev.apprentice.service.hosting.DomainRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits attempts per subject, so that a prober (even one holding the subject's key) cannot sweep
 * a subject's decision thresholds: a token bucket per subject of
 * {@code apprentice.security.subject-attempts.limit} attempts, refilled at {@code limit} per
 * {@code window}. A subject may spend its whole bucket at once and then one attempt every
 * {@code window / limit}: at most {@code limit} attempts in a burst, and over any stretch of time
 * {@code t} at most {@code limit + limit * t / window}. A refused attempt costs nothing and answers
 * 429 with {@code Retry-After}; it is counted in {@code apprentice_subject_attempts_refused_total},
 * tagged by domain and never by subject.
 *
 * <p>Memory follows the subjects recently seen, never what callers send: each bucket is kept as the
 * single time at which it is full again (the generic cell rate algorithm), so a full bucket carries
 * no information and is dropped as soon as it is found idle, and at most
 * {@code max-subjects} are kept, the least recently used forgotten first (that subject's next
 * attempt finds a full bucket). Call it after {@link SubjectAccess#require}, so that only callers
 * allowed to act for a subject can make it tracked. Each call takes one short lock: a hash lookup
 * and a few arithmetic operations.
 */
@ApplicationScoped
public class SubjectAttempts {

    /** Idle buckets dropped per call at most, so that dropping them stays a constant cost. */
    private static final int IDLE_CHECKS = 2;

    /** One subject's bucket: the time (in clock nanoseconds) from which it is full again. */
    private static final class Bucket {
        long fullAt;
    }

    private final long windowNanos;
    private final long intervalNanos;
    private final Counter refused;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Bucket> buckets;

    @Inject
    public SubjectAttempts(SecuritySettings settings, DomainRegistry domains, MeterRegistry metrics) {
        this(settings.subjectAttempts(), Counter.builder("apprentice_subject_attempts_refused")
                .tag("domain", domains.serviceName())
                .description("Attempts refused because their subject had used up its attempts (429)")
                .register(metrics), System::nanoTime);
    }

    SubjectAttempts(SecuritySettings.SubjectAttemptSettings config, Counter refused, LongSupplier clock) {
        if (config.limit() < 1 || config.maxSubjects() < 1 || config.window().isNegative() || config.window().isZero()) {
            throw new IllegalArgumentException("apprentice.security.subject-attempts: expected a limit and max-subjects"
                    + " of at least 1 and a positive window, found " + config.limit() + ", " + config.maxSubjects()
                    + ", " + config.window());
        }
        this.windowNanos = config.window().toNanos();
        this.intervalNanos = Math.max(1, windowNanos / config.limit());
        this.refused = refused;
        this.clock = clock;
        int max = config.maxSubjects();
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Spends one of the subject's attempts.
     *
     * @throws TooManyAttemptsException (429) when it has none left; nothing is spent
     * @throws InvalidRequestException (400) when the subject id is not valid
     */
    public void acquire(String subjectId) {
        SubjectKeys.checkId(subjectId);
        long waitNanos = spend(subjectId, clock.getAsLong());
        if (waitNanos > 0) {
            refused.increment();
            throw new TooManyAttemptsException(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Spends an attempt at {@code now}; returns 0, or how long until one is available. */
    private synchronized long spend(String subjectId, long now) {
        Bucket bucket = buckets.get(subjectId);
        if (bucket == null) {
            bucket = new Bucket();
            bucket.fullAt = now;
            buckets.put(subjectId, bucket);
        }
        // fullAt - now is what the bucket lacks, in time: each attempt adds one interval, and the
        // bucket holds limit of them, so an attempt fits while the lack stays within the window.
        long lack = Math.max(0, bucket.fullAt - now);
        long wait = lack + intervalNanos - windowNanos;
        if (wait > 0) {
            return wait;
        }
        bucket.fullAt = now + lack + intervalNanos;
        dropIdle(now);
        return 0;
    }

    /** Drops the least recently used buckets while they are full again: forgetting them changes nothing. */
    private void dropIdle(long now) {
        Iterator<Bucket> eldest = buckets.values().iterator();
        for (int i = 0; i < IDLE_CHECKS && eldest.hasNext(); i++) {
            if (eldest.next().fullAt - now > 0) {
                return;
            }
            eldest.remove();
        }
    }

    /** The subjects tracked now (buckets not yet found full again), to check that memory stays bounded. */
    synchronized int trackedSubjects() {
        return buckets.size();
    }
}
