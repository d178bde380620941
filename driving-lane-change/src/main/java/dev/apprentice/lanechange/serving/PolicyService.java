package dev.apprentice.lanechange.serving;

import dev.apprentice.il.policy.ActionDistribution;
import dev.apprentice.il.policy.CategoricalDistribution;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.CorruptArtefactException;
import dev.apprentice.il.registry.LoadedPolicy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.config.LaneChangeConfig;
import dev.apprentice.lanechange.sim.LaneFeatures;
import dev.apprentice.lanechange.sim.MetaAction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the promoted policy in memory and decides with it. Promotion and rollback go through here
 * so that the served policy swaps atomically; a version whose card names another feature encoding
 * than {@link LaneFeatures#ID}, or whose artefact fails verification, is never served.
 */
@ApplicationScoped
public class PolicyService {

    /** The model-card data key naming the policy's observation encoding. */
    public static final String ENCODER_KEY = "observationEncoder";

    private final PolicyRegistry registry;
    private final String model;
    private final LaneFeatures features = new LaneFeatures();
    private final Timer latency;
    private final Counter decisions;
    private volatile Served served;
    private volatile String unavailableReason = "no policy has been promoted yet: train one (POST /api/v1/lane-change/training/jobs)";

    /** The served policy with its card. */
    public record Served(int version, ModelCard card, Policy policy) {
    }

    public PolicyService(LaneChangeConfig config, MeterRegistry metrics) {
        this.registry = new PolicyRegistry(Path.of(config.registry().directory()));
        this.model = config.registry().model();
        this.latency = Timer.builder("lane_change_decision_latency").description("Time to encode and decide one observation")
                .publishPercentileHistogram().register(metrics);
        this.decisions = Counter.builder("lane_change_decisions").description("Decisions made").register(metrics);
        reload();
    }

    /** The registry holding every version. */
    public PolicyRegistry registry() {
        return registry;
    }

    /** The served model's registry name. */
    public String model() {
        return model;
    }

    /** Loads whatever the registry says is promoted; keeps serving the old policy if the new one is unusable. */
    public synchronized void reload() {
        Optional<Integer> promoted = registry.promotedVersion(model);
        if (promoted.isEmpty()) {
            served = null;
            return;
        }
        try {
            LoadedPolicy loaded = registry.load(model, promoted.get());
            Object encoder = loaded.card().data().get(ENCODER_KEY);
            if (!LaneFeatures.ID.equals(encoder)) {
                throw new IllegalStateException("version " + promoted.get() + " was trained on '" + encoder
                        + "' observations, this service encodes " + LaneFeatures.ID);
            }
            if (loaded.policy().observationSpace().dimension() != LaneFeatures.DIMENSION
                    || !loaded.policy().actionSpace().equals(LaneChangeDomain.ACTION_SPACE)) {
                throw new IllegalStateException("version " + promoted.get() + " has spaces "
                        + loaded.card().observationSpace() + " → " + loaded.card().actionSpace());
            }
            served = new Served(loaded.card().version(), loaded.card(), loaded.policy());
            Log.infof("serving %s version %d (%s)", model, loaded.card().version(), loaded.card().algorithm());
        } catch (CorruptArtefactException | IllegalStateException | IllegalArgumentException e) {
            unavailableReason = "the promoted version cannot be served: " + e.getMessage();
            Log.error(unavailableReason);
            if (served != null) {
                Log.warnf("still serving version %d", served.version());
            }
        }
    }

    /** Promotes a version and serves it. */
    public synchronized void promote(int version) {
        registry.promote(model, version);
        reload();
    }

    /** Returns to the previously promoted version and serves it; returns that version. */
    public synchronized int rollback() {
        int version = registry.rollback(model);
        reload();
        return version;
    }

    /** The served policy, if any. */
    public Optional<Served> served() {
        return Optional.ofNullable(served);
    }

    /** The served policy, or {@link NoPolicyException} saying why there is none. */
    public Served requireServed() {
        Served s = served;
        if (s == null) {
            throw new NoPolicyException(unavailableReason);
        }
        return s;
    }

    /** Decides for one raw 5 × 5 kinematics observation (already validated). */
    public Decision decide(float[] observation) {
        Served s = requireServed();
        long start = System.nanoTime();
        ActionDistribution distribution = s.policy().distribution(features.encode(observation));
        int action = (int) distribution.mode()[0];
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (MetaAction a : MetaAction.values()) {
            probabilities.put(a.name(), distribution instanceof CategoricalDistribution c ? c.probability(a.index())
                    : a.index() == action ? 1.0 : 0.0);
        }
        latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        decisions.increment();
        return new Decision(MetaAction.ofIndex(action).name(), probabilities, s.version());
    }
}
