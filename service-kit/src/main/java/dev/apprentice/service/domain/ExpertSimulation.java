package dev.apprentice.service.domain;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.policy.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A domain simulator with scripted experts: the demo's data source, evaluation's reference and the live view's world. */
public interface ExpertSimulation {

    /** The experts' names, e.g. driver styles. */
    List<String> experts();

    /** The expert evaluation compares with when configuration does not say. */
    String defaultExpert();

    /**
     * One seeded episode of an expert as streamed steps, source {@code sim-<expert>}, episode {@code seed-<seed>}.
     *
     * @throws IllegalArgumentException for an unknown expert
     */
    ExpertEpisode record(String expert, long seed, Instant start, Duration decisionInterval);

    /** An expert acting on raw observations (one that remembers its episode plays {@link Actor#forEpisode()} per episode). */
    Actor expert(String name);

    /** Starts a live episode on a seed with a driver acting on raw observations (already {@link Actor#forEpisode() for this episode}). */
    LiveEpisode live(long seed, Actor driver);

    /** Frames per second of the live view. */
    int liveFramesPerSecond();

    /**
     * A recorded expert episode.
     *
     * @param steps the episode's steps
     * @param failed whether it ended in a failure (a collision, say)
     */
    record ExpertEpisode(List<ExpertStep> steps, boolean failed) {
    }
}
