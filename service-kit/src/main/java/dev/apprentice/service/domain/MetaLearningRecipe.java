package dev.apprentice.service.domain;

import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.store.EpisodeId;

/**
 * How a domain meta-learns a starting point that adapts to one person (a driver, a patient) from a
 * few of their own demonstrations: who a stored episode belongs to, and the meta-learner's settings.
 * The kit meta-trains over the stored people (never over held-out episodes) and adapts on request.
 */
public interface MetaLearningRecipe {

    /** What one task is in this domain, for the API and the page, e.g. {@code driver} or {@code patient}. */
    String subject();

    /** The person a stored episode belongs to; by default its source (the demonstrator's id). */
    default String subjectOf(EpisodeId episode) {
        return episode.source();
    }

    /**
     * The meta-learner's settings with the domain's tuning; the kit replaces the method with the one a
     * job asks for (maml, fomaml or reptile).
     *
     * @param iterations meta-iterations, or 0 for the domain's default
     */
    MetaConfig config(long seed, int threads, int iterations);

    /** The fewest stored samples a person needs to be a meta-training task (at least support + query shots). */
    int minimumSamplesPerSubject();
}
