package dev.apprentice.phonesecurity.demo;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.phonesecurity.data.HoldAndTapData;
import dev.apprentice.phonesecurity.verification.EvaluationResult;
import dev.apprentice.phonesecurity.verification.FeatureSet;
import dev.apprentice.phonesecurity.verification.Protocol;
import dev.apprentice.phonesecurity.verification.ProtocolEvaluation;
import dev.apprentice.phonesecurity.verification.VerificationMethod;
import dev.apprentice.phonesecurity.verification.VerificationMethods;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The real-data protocol evaluation the page shows, run once in the background at start-up when
 * {@code apprentice.phone-security.evaluation.enabled} is set and the Hold-and-Tap directory
 * exists: one seed, the configured methods (all by default), feature sets and activities.
 */
@ApplicationScoped
public class DemoEvaluation {

    private final PhoneSecuritySettings.Evaluation settings;
    private final Protocol protocol;
    private volatile String state = "off";
    private volatile long started;
    private volatile long finished;
    private volatile List<EvaluationView.Cell> cells = List.of();

    public DemoEvaluation(PhoneSecuritySettings settings) {
        this.settings = settings.evaluation();
        this.protocol = new Protocol(this.settings.enrolledUsers(), this.settings.backgroundUsers(),
                this.settings.impostorUsers(), Protocol.standard().enrolmentSamples());
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        Path directory = settings.dataDir().map(Path::of).orElseGet(HoldAndTapData::defaultDirectory);
        if (!Files.isDirectory(directory)) {
            state = "no-data";
            Log.infof("evaluation: no Hold-and-Tap directory at %s; the page shows no DET curves", directory);
            return;
        }
        started = System.nanoTime();
        state = "running";
        Thread evaluation = new Thread(() -> run(directory), "demo-evaluation");
        evaluation.setDaemon(true);
        evaluation.start();
    }

    /** The latest evaluation, or where it is. */
    public EvaluationView view() {
        long end = finished != 0 ? finished : System.nanoTime();
        return new EvaluationView(state, started == 0 ? 0 : (end - started) / 1e9, settings.seed(),
                "off".equals(state) ? null : protocol, ProtocolEvaluation.FUSED_SAMPLES, cells);
    }

    private void run(Path directory) {
        try {
            List<VerificationMethod> methods = settings.methods().map(names -> names.stream()
                    .map(name -> VerificationMethods.byName(name).orElseThrow(() -> new IllegalArgumentException(
                            "evaluation.methods: expected one of " + VerificationMethods.all().stream()
                                    .map(VerificationMethod::name).toList() + ", found " + name)))
                    .toList()).orElseGet(VerificationMethods::all);
            List<FeatureSet> features = settings.featureSets().stream().map(DemoEvaluation::featureSet).toList();
            List<Activity> activities = settings.activities().stream().map(Activity::fromId).toList();
            EvaluationResult result = new ProtocolEvaluation(HoldAndTapData.load(directory), protocol, settings.threads())
                    .run(methods, features, List.of(settings.seed()), activities);
            cells = result.cells().stream().map(c -> new EvaluationView.Cell(c.method(), c.features().id(),
                    c.activity().id(), c.eer(), c.fusedEer(), c.averagedDet())).toList();
            finished = System.nanoTime();
            state = "done";
            Log.infof("evaluation: %d cells in %.1f s", cells.size(), (finished - started) / 1e9);
        } catch (IOException | RuntimeException e) {
            finished = System.nanoTime();
            state = "failed";
            Log.errorf(e, "evaluation failed");
        }
    }

    private static FeatureSet featureSet(String id) {
        return Arrays.stream(FeatureSet.values()).filter(f -> f.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("evaluation.feature-sets: expected one of "
                        + Arrays.stream(FeatureSet.values()).map(FeatureSet::id).toList() + ", found " + id));
    }
}
