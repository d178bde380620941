package dev.apprentice.phonesecurity.owners;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.model.OwnerModel;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.NotFoundException;
import dev.apprentice.service.security.SubjectAttempts;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.ServedPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Judges sessions against owners' served models. Every attempt counts against the user's attempt
 * budget first, known user or not, so nobody can sweep a model's thresholds or probe who is
 * enrolled faster than the budget allows.
 */
@ApplicationScoped
public class SessionScoring {

    private final PolicyServing policies;
    private final PopulationService population;
    private final SubjectAttempts attempts;
    private final Timer latency;

    public SessionScoring(PolicyServing policies, PopulationService population, SubjectAttempts attempts,
            MeterRegistry metrics) {
        this.policies = policies;
        this.population = population;
        this.attempts = attempts;
        this.latency = Timer.builder("apprentice_phone_security_score_latency")
                .description("Time to judge one session against its owner's model").publishPercentileHistogram()
                .register(metrics);
    }

    /**
     * Judges a session, samples oldest first.
     *
     * @throws dev.apprentice.service.error.TooManyAttemptsException when the user's attempt budget is spent
     * @throws NotFoundException when the user is not enrolled
     * @throws ConflictException when the user was enrolled against another population than the served one
     */
    public ScoredSession score(String userId, List<FeatureSample> samples) {
        attempts.acquire(userId);
        return judge(userId, samples);
    }

    /** Judges without counting an attempt: for the service's own page and evaluations. */
    ScoredSession judge(String userId, List<FeatureSample> samples) {
        long start = System.nanoTime();
        ServedPolicy served = policies.served(OwnerModelNames.owner(userId)).orElseThrow(
                () -> new NotFoundException("user " + userId + " is not enrolled"));
        OwnerModel owner = (OwnerModel) served.policy();
        ServedPopulation current = population.require();
        if (!owner.population().equals(current.reference())) {
            throw new ConflictException("the user was enrolled against population version " + owner.population().version()
                    + "; the served population is version " + current.reference().version() + ": enrol the user again");
        }
        List<double[]> projected = new ArrayList<>(samples.size());
        for (FeatureSample s : samples) {
            projected.add(current.model().project(s.activity(), s.features()));
        }
        ScoredSession scored = new ScoredSession(owner.judge(projected), owner.targetFar(), served.version());
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return scored;
    }
}
