package dev.apprentice.lanechange.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training job's life: queued, running with visible progress, then succeeded (a registered
 * version, maybe promoted), failed (with the reason) or cancelled. Thread-safe; the API reads
 * {@link #view()} snapshots while the training thread updates it.
 */
public final class TrainingJob {

    /** Where a job is in its life. */
    public enum Status {
        /** Waiting for the model's earlier jobs. */
        QUEUED,
        /** Training or evaluating. */
        RUNNING,
        /** Registered as a new version. */
        SUCCEEDED,
        /** Stopped by an error; see the error. */
        FAILED,
        /** Stopped on request. */
        CANCELLED
    }

    /** Progress points kept per job (the curve is thinned beyond this). */
    static final int MAX_POINTS = 500;

    private final String id;
    private final TrainingRequest request;
    private final String trigger;
    private final Instant createdAt = Instant.now();
    private final List<Map<String, Object>> progress = new ArrayList<>();
    private Status status = Status.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private volatile boolean cancelRequested;
    private Map<String, Object> data;
    private Map<String, Object> evaluation;
    private Integer version;
    private boolean promoted;
    private String error;

    TrainingJob(String id, TrainingRequest request, String trigger) {
        this.id = id;
        this.request = request;
        this.trigger = trigger;
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
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("iteration", iteration);
        point.put("maxIterations", maxIterations);
        point.put("seconds", seconds);
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            if (Double.isFinite(m.getValue())) {
                point.put(m.getKey(), m.getValue());
            }
        }
        if (progress.size() >= MAX_POINTS) {
            // Keep the curve's shape: drop every second point.
            for (int i = progress.size() - 1; i > 0; i -= 2) {
                progress.remove(i - 1);
            }
        }
        progress.add(point);
    }

    synchronized void data(Map<String, Object> provenance) {
        this.data = provenance;
    }

    synchronized void succeeded(int newVersion, Map<String, Object> result, boolean wasPromoted) {
        status = Status.SUCCEEDED;
        version = newVersion;
        evaluation = result;
        promoted = wasPromoted;
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

    /** The job's state. */
    public synchronized Status status() {
        return status;
    }

    /** Whether the job has finished one way or another. */
    public synchronized boolean finished() {
        return status == Status.SUCCEEDED || status == Status.FAILED || status == Status.CANCELLED;
    }

    /** A JSON-ready snapshot. */
    public synchronized Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("algorithm", request.algorithm());
        m.put("trigger", trigger);
        m.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        m.put("createdAt", createdAt.toString());
        m.put("startedAt", startedAt == null ? null : startedAt.toString());
        m.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        m.put("request", request);
        m.put("data", data);
        m.put("latest", progress.isEmpty() ? null : progress.get(progress.size() - 1));
        m.put("progress", List.copyOf(progress));
        m.put("evaluation", evaluation);
        m.put("version", version);
        m.put("promoted", promoted);
        m.put("error", error);
        return m;
    }
}
