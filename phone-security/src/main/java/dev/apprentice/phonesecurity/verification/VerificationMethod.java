package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import java.util.List;

/**
 * A way of deciding whether samples come from a phone's owner, compared on one protocol: it first
 * learns what it needs from the background pool (people who are neither enrolled nor impostors),
 * then enrols each owner from their own samples and scores new ones (higher = more like the owner).
 *
 * <pre>{@code
 * Enroller enroller = method.prepare(backgroundSamples, seed);
 * OwnerScorer owner = enroller.enrol(firstFifteenSittingSamples, seed);
 * double s = owner.score(sample);
 * }</pre>
 */
public interface VerificationMethod {

    /** The name in reports, e.g. {@code scaled-manhattan}. */
    String name();

    /**
     * Learns from the background pool, once per split. Only background users' samples are passed,
     * never an enrolled user's verification samples or an impostor's.
     */
    Enroller prepare(List<FeatureSample> background, long seed);

    /** Enrols owners once the method has seen the background pool. */
    interface Enroller {

        /** Learns one owner from their enrolment samples (at least one, all of one user). */
        OwnerScorer enrol(List<FeatureSample> owner, long seed);
    }

    /** Scores samples against one enrolled owner. Thread-safe. */
    interface OwnerScorer {

        /** How much the sample looks like the owner's; higher is more owner-like. */
        double score(FeatureSample sample);
    }
}
