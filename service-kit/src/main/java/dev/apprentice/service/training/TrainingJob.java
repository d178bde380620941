package dev.apprentice.service.training;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.apprentice.il.store.EpisodeId;
import dev.apprentice.service.domain.Algorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One training job's life: queued, running with visible progress, then succeeded (a registered
 * version, maybe promoted), failed (with the reason) or cancelled. Thread-safe; the API reads
 * {@link #view()} snapshots while the training thread updates it.
 */
public final class TrainingJob {

    /** Where a job is in its life. */
    public enum Status {
        /** Waiting for earlier jobs. */
        QUEUED,
        /** Training or evaluating. */
        RUNNING,
        /** Registered as a new version. */
        SUCCEEDED,
        /** Stopped by an error; see the error. */
        FAILED,
        /** Stopped on request. */
        CANCELLED;

        /** The lower-case name the API uses. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A snapshot of a job for the API.
     *
     * @param id the job's id
     * @param algorithm its algorithm
     * @param trigger {@code api} or {@code automatic}
     * @param status where it is
     * @param createdAt when it was queued
     * @param startedAt when it started, or null
     * @param finishedAt when it finished, or null
     * @param request what was asked for
     * @param episodesUsed stored episodes trained on, once known
     * @param samplesUsed decisions trained on, once known
     * @param latest the latest progress point, or null
     * @param progress the training curve (thinned beyond {@link #MAX_POINTS} points)
     * @param evaluation the final evaluation, once done
     * @param version the registered version, once done
     * @param promoted whether it was promoted
     * @param promotionReasons why it was or was not promoted
     * @param error why it failed, or null
     * @param restarts how many times a restart of the service interrupted the job, which then resumed
     *     from its last checkpoint
     */
    public record View(String id, Algorithm algorithm, String trigger, Status status, Instant createdAt, Instant startedAt,
            Instant finishedAt, TrainingRequest request, Integer episodesUsed, Integer samplesUsed, ProgressPoint latest,
            List<ProgressPoint> progress, EvaluationSummary evaluation, Integer version, boolean promoted,
            List<String> promotionReasons, String error, int restarts) {
    }

    /** Progress points kept per job (the curve is thinned beyond this). */
    static final int MAX_POINTS = 500;

    private final String id;
    private final TrainingRequest request;
    private final String trigger;
    private final Instant createdAt;
    private final int restarts;
    private final List<ProgressPoint> progress = new ArrayList<>();
    private Status status = Status.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private volatile boolean cancelRequested;
    private Integer episodesUsed;
    private Integer samplesUsed;
    private EvaluationSummary evaluation;
    private Integer version;
    private boolean promoted;
    private List<String> promotionReasons = List.of();
    private String error;
    private List<EpisodeId> episodes;

    TrainingJob(String id, TrainingRequest request, String trigger) {
        this(id, request, trigger, Instant.now(), 0);
    }

    private TrainingJob(String id, TrainingRequest request, String trigger, Instant createdAt, int restarts) {
        this.id = id;
        this.request = request;
        this.trigger = trigger;
        this.createdAt = createdAt;
        this.restarts = restarts;
    }

    /**
     * A job from the journal: a finished one as it ended; an interrupted one queued again under its
     * id, pinned to the episodes it had started on, counting one more restart.
     */
    static TrainingJob fromJournal(JobJournal.Entry e) {
        boolean interrupted = e.status() == Status.QUEUED || e.status() == Status.RUNNING;
        TrainingJob job = new TrainingJob(e.id(), e.request(), e.trigger(), e.createdAt(),
                e.restarts() + (e.status() == Status.RUNNING ? 1 : 0));
        if (interrupted) {
            job.episodes = e.episodes() == null ? null : List.copyOf(e.episodes());
        } else {
            job.status = e.status();
            job.startedAt = e.startedAt();
            job.finishedAt = e.finishedAt();
            job.episodesUsed = e.episodesUsed();
            job.samplesUsed = e.samplesUsed();
            job.version = e.version();
            job.promoted = e.promoted();
            job.promotionReasons = e.promotionReasons() == null ? List.of() : List.copyOf(e.promotionReasons());
            job.error = e.error();
        }
        return job;
    }

    /** What the journal keeps of this job now. */
    synchronized JobJournal.Entry entry() {
        return new JobJournal.Entry(id, request, trigger, status, createdAt, startedAt, finishedAt, episodesUsed,
                samplesUsed, version, promoted, promotionReasons, error, restarts, finished() ? null : episodes);
    }

    /** The job's id. */
    public String id() {
        return id;
    }

    /** What was asked for. */
    public TrainingRequest request() {
        return request;
    }

    synchronized void started() {
        status = Status.RUNNING;
        startedAt = Instant.now();
    }

    synchronized void progress(int iteration, int maxIterations, Map<String, Double> metrics, double seconds) {
        Map<String, Double> finite = new LinkedHashMap<>();
        metrics.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                finite.put(k, v);
            }
        });
        if (progress.size() >= MAX_POINTS) {
            // Keep the curve's shape: drop every second point.
            for (int i = progress.size() - 1; i > 0; i -= 2) {
                progress.remove(i - 1);
            }
        }
        progress.add(new ProgressPoint(iteration, maxIterations, seconds, Map.copyOf(finite)));
    }

    synchronized void data(List<EpisodeId> ids, int samples) {
        episodes = List.copyOf(ids);
        episodesUsed = ids.size();
        samplesUsed = samples;
    }

    /** The episodes an interrupted run had started on, which it must read again; null for a new job. */
    synchronized List<EpisodeId> episodes() {
        return episodes;
    }

    synchronized void succeeded(int newVersion, EvaluationSummary result, boolean wasPromoted, List<String> reasons) {
        status = Status.SUCCEEDED;
        version = newVersion;
        evaluation = result;
        promoted = wasPromoted;
        promotionReasons = List.copyOf(reasons);
        finishedAt = Instant.now();
    }

    synchronized void failed(String reason) {
        status = cancelRequested ? Status.CANCELLED : Status.FAILED;
        error = reason;
        finishedAt = Instant.now();
    }

    /** Asks the job to stop at the next iteration boundary (or not to start). */
    public void cancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Whether the job has finished one way or another. */
    public synchronized boolean finished() {
        return status == Status.SUCCEEDED || status == Status.FAILED || status == Status.CANCELLED;
    }

    /** A snapshot for the API. */
    public synchronized View view() {
        return new View(id, request.algorithm(), trigger, status, createdAt, startedAt, finishedAt, request, episodesUsed,
                samplesUsed, progress.isEmpty() ? null : progress.get(progress.size() - 1), List.copyOf(progress),
                evaluation, version, promoted, promotionReasons, error, restarts);
    }
}
