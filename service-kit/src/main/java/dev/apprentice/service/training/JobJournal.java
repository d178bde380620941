package dev.apprentice.service.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.apprentice.il.io.DurableFiles;
import dev.apprentice.il.store.EpisodeId;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Training jobs on disk, so that a crash or a restart loses none: one small file per job,
 * {@code <state>/training/jobs/job-<n>.json}, replaced atomically at every change of status, and
 * a checkpoint directory per running job, {@code <state>/training/checkpoints/job-<n>}, from
 * which an interrupted run resumes. A file that cannot be read is moved aside (reported, never
 * fatal).
 */
final class JobJournal {

    /**
     * What the journal keeps of a job: enough to show it, and to run it again after a restart on
     * exactly the episodes it had started on ({@code episodes}, while it is unfinished).
     */
    record Entry(String id, TrainingRequest request, String trigger, TrainingJob.Status status, Instant createdAt,
            Instant startedAt, Instant finishedAt, Integer episodesUsed, Integer samplesUsed, Integer version,
            boolean promoted, List<String> promotionReasons, String error, int restarts, List<EpisodeId> episodes) {
    }

    private static final Pattern NAME = Pattern.compile("job-(\\d+)\\.json");

    private final Path jobs;
    private final Path checkpoints;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    JobJournal(Path stateDirectory) {
        this.jobs = stateDirectory.resolve("training").resolve("jobs");
        this.checkpoints = stateDirectory.resolve("training").resolve("checkpoints");
    }

    /**
     * Writes a job's entry atomically; a failure is logged, never thrown into the job. The entry is
     * taken under the journal's lock, so that of two threads recording the same job (the submitter
     * and the worker that already started it) the later write always holds the later state.
     */
    synchronized void record(TrainingJob job) {
        Entry entry = job.entry();
        try {
            Files.createDirectories(jobs);
            DurableFiles.replace(jobs.resolve(entry.id() + ".json"), json.writeValueAsBytes(entry));
        } catch (IOException | RuntimeException e) {
            Log.warnf("cannot journal training job %s (%s); a restart would not know it", entry.id(), e.getMessage());
        }
    }

    /** Every readable entry, by job number; unreadable files are renamed {@code *.unreadable} and skipped. */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(jobs)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(jobs)) {
            for (Path file : files) {
                if (!NAME.matcher(file.getFileName().toString()).matches()) {
                    continue;
                }
                try {
                    Entry e = json.readValue(file.toFile(), Entry.class);
                    if (e.id() == null || e.request() == null || e.request().algorithm() == null || e.status() == null) {
                        throw new IOException("id, request, algorithm or status missing");
                    }
                    out.add(e);
                } catch (IOException | RuntimeException unreadable) {
                    Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
                    Log.warnf("training job file %s cannot be read (%s); moved aside to %s", file.getFileName(),
                            unreadable.getMessage(), aside.getFileName());
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training journal " + jobs, e);
        }
        out.sort(Comparator.comparingInt(e -> number(e.id())));
        return out;
    }

    /** Removes a forgotten job's entry and its checkpoints. */
    void forget(String id) {
        try {
            Files.deleteIfExists(jobs.resolve(id + ".json"));
        } catch (IOException e) {
            Log.warnf("cannot remove the journal entry of %s (%s)", id, e.getMessage());
        }
        deleteCheckpoint(id);
    }

    /** The directory the job's trainer saves its checkpoints in (and resumes from). */
    Path checkpointDirectory(String id) {
        return checkpoints.resolve(id);
    }

    /** Deletes a finished job's checkpoints. */
    void deleteCheckpoint(String id) {
        Path dir = checkpointDirectory(id);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            Log.warnf("cannot delete the checkpoints of %s (%s)", id, e.getMessage());
        }
    }

    /** The number in a job id {@code job-<n>}; 0 for any other id. */
    static int number(String id) {
        try {
            return id.startsWith("job-") ? Integer.parseInt(id.substring(4)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
