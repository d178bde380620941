package dev.apprentice.phonesecurity.cohort;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.phonesecurity.data.HoldAndTapData;
import dev.apprentice.phonesecurity.verification.EvaluationResult;
import dev.apprentice.phonesecurity.verification.EvaluationTable;
import dev.apprentice.phonesecurity.verification.FeatureSet;
import dev.apprentice.phonesecurity.verification.MethodChoice;
import dev.apprentice.phonesecurity.verification.Protocol;
import dev.apprentice.phonesecurity.verification.ProtocolEvaluation;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.NotFoundException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The real-data protocol evaluation of the service's methods on the Hold-and-Tap cohort: run in
 * the background at start-up when {@code apprentice.phone-security.evaluation.enabled} is set, and
 * whenever an administrator asks; one at a time, at most {@code evaluation.max-seeds} splits, so
 * its cost is bounded by configuration. The page shows the latest; administrators read its full
 * result and its report tables.
 */
@ApplicationScoped
public class CohortEvaluation {

    /** Who started an evaluation. */
    public enum Trigger {
        START_UP, API;

        /** The id in answers, e.g. {@code start-up}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final PhoneSecuritySettings.Evaluation settings;
    private final Protocol protocol;
    private final Path directory;
    private Run latest; // guarded by this
    private Run lastDone; // guarded by this: the latest run that finished, shown while another runs

    /** One evaluation: what was asked, and where it is. */
    private static final class Run {
        final EvaluationRequest request;
        final Trigger trigger;
        final long started = System.nanoTime();
        volatile long finished;
        volatile String state = "running";
        volatile EvaluationResult result;

        Run(EvaluationRequest request, Trigger trigger) {
            this.request = request;
            this.trigger = trigger;
        }
    }

    public CohortEvaluation(PhoneSecuritySettings settings) {
        this.settings = settings.evaluation();
        this.protocol = new Protocol(this.settings.enrolledUsers(), this.settings.backgroundUsers(),
                this.settings.impostorUsers(), Protocol.standard().enrolmentSamples());
        this.directory = this.settings.dataDir().map(Path::of).orElseGet(HoldAndTapData::defaultDirectory);
        configured(); // a wrong setting fails the start, not the first evaluation
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            Log.infof("evaluation: no Hold-and-Tap directory at %s; the page shows no DET curves", directory);
            return;
        }
        start(configured(), Trigger.START_UP);
    }

    /** The configured evaluation ({@code evaluation.seed}, feature sets, activities, methods). */
    public EvaluationRequest configured() {
        try {
            List<MethodChoice> methods = settings.methods().map(names -> names.stream().map(name -> MethodChoice.byId(name)
                    .orElseThrow(() -> new IllegalArgumentException("apprentice.phone-security.evaluation.methods:"
                            + " expected some of " + Arrays.stream(MethodChoice.values()).map(MethodChoice::id).toList() + ", found " + name))).toList())
                    .orElse(List.of(MethodChoice.values()));
            List<FeatureSet> features = settings.featureSets().stream().map(id -> featureSet(id).orElseThrow(
                    () -> new IllegalArgumentException("apprentice.phone-security.evaluation.feature-sets: expected some of "
                            + Arrays.stream(FeatureSet.values()).map(FeatureSet::id).toList() + ", found " + id))).toList();
            List<Activity> activities = settings.activities().stream().map(Activity::fromId).toList();
            return new EvaluationRequest(List.of(settings.seed()), features, activities, methods);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the evaluation settings: " + e.getMessage(), e);
        }
    }

    /**
     * Starts an evaluation in the background.
     *
     * @throws InvalidRequestException for more seeds than {@code evaluation.max-seeds}
     * @throws ConflictException while another runs, or without the Hold-and-Tap data
     */
    public synchronized EvaluationView start(EvaluationRequest request, Trigger trigger) {
        if (request.seeds().size() > settings.maxSeeds()) {
            throw new InvalidRequestException("seeds", "expected at most " + settings.maxSeeds() + " seeds"
                    + " (apprentice.phone-security.evaluation.max-seeds), found " + request.seeds().size());
        }
        if (latest != null && "running".equals(latest.state)) {
            throw new ConflictException("an evaluation is running (" + latest.trigger.id() + "); wait for it to finish");
        }
        if (!Files.isDirectory(directory)) {
            throw new ConflictException("the Hold-and-Tap data is not on this replica"
                    + " (apprentice.phone-security.evaluation.data-dir)");
        }
        Run run = new Run(request, trigger);
        latest = run;
        Thread worker = new Thread(() -> evaluate(run), "cohort-evaluation");
        worker.setDaemon(true); // nothing to save: a stopped evaluation is simply asked for again
        worker.start();
        return view();
    }

    /**
     * The latest evaluation as the page shows it: where the latest run is, and the cells of the
     * latest run that finished (so that a new run does not blank the page while it runs).
     */
    public EvaluationView view() {
        Run run;
        Run done;
        synchronized (this) {
            run = latest;
            done = lastDone;
        }
        if (run == null) {
            String state = settings.enabled() && !Files.isDirectory(directory) ? "no-data" : "off";
            return new EvaluationView(state, null, 0, List.of(), List.of(), null, ProtocolEvaluation.FUSED_SAMPLES,
                    List.of());
        }
        long end = run.finished != 0 ? run.finished : System.nanoTime();
        List<EvaluationView.Cell> cells = done == null ? List.of() : done.result.cells().stream()
                .map(c -> new EvaluationView.Cell(c.method(), c.features().id(), c.activity().id(), c.eer(), c.fusedEer(),
                        c.averagedDet())).toList();
        return new EvaluationView(run.state, run.trigger.id(), (end - run.started) / 1e9, run.request.seeds(),
                done == null ? List.of() : done.request.seeds(), protocol, ProtocolEvaluation.FUSED_SAMPLES, cells);
    }

    /**
     * The latest finished evaluation's full result, per user and seed.
     *
     * @throws NotFoundException when none has finished
     */
    public synchronized EvaluationResult latestResult() {
        if (lastDone == null) {
            throw new NotFoundException("no evaluation has finished" + (latest == null ? "" : "; the latest is "
                    + latest.state));
        }
        return lastDone.result;
    }

    /** The latest finished evaluation's tables, as the report command prints them (Markdown). */
    public String latestReport() {
        return EvaluationTable.render(latestResult());
    }

    private void evaluate(Run run) {
        try {
            EvaluationResult result = new ProtocolEvaluation(HoldAndTapData.load(directory), protocol, settings.threads())
                    .run(run.request.methods().stream().map(MethodChoice::method).toList(), run.request.featureSets(),
                            run.request.seeds(), run.request.activities());
            synchronized (this) {
                run.result = result;
                run.finished = System.nanoTime();
                run.state = "done";
                lastDone = run;
            }
            Log.infof("evaluation (%s): %d cells in %.1f s", run.trigger.id(), result.cells().size(),
                    (run.finished - run.started) / 1e9);
        } catch (IOException | RuntimeException e) {
            run.finished = System.nanoTime();
            run.state = "failed";
            Log.errorf(e, "evaluation (%s) failed", run.trigger.id());
        }
    }

    private static Optional<FeatureSet> featureSet(String id) {
        return Arrays.stream(FeatureSet.values()).filter(f -> f.id().equals(id)).findFirst();
    }
}
