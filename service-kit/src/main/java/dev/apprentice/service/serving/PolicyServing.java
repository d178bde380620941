package dev.apprentice.service.serving;

import dev.apprentice.il.data.StateProfile;
import dev.apprentice.il.policy.ActionDistribution;
import dev.apprentice.il.policy.CategoricalDistribution;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.CorruptArtefactException;
import dev.apprentice.il.registry.LoadedPolicy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.il.registry.RegistryEntry;
import dev.apprentice.il.registry.RegistryHealth;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.GuardVerdict;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.NotFoundException;
import dev.apprentice.service.error.UnavailableException;
import dev.apprentice.service.error.UnservableVersionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The served policies, one per model id (a single-model domain serves {@link DomainSettings#model()};
 * a per-user domain serves thousands), and the registry they come from. A version is served only
 * after it is checked here: its weights verify, its card names this domain's encoder, and its
 * spaces match; promotion and rollback check first and change the registry only when the version
 * can be served, then swap atomically. At start-up each model is served from the newest version of
 * its promotion stack that can be served, so a corrupt promoted artefact means a logged and
 * reported fallback rather than no policy. Registry listings are cached and invalidated on every
 * change, so the page's polling never re-reads weights. A model can be forgotten (a subject's
 * models erased): deleted from the registry and no longer served here or, through the policy
 * topic, on any replica.
 */
public class PolicyServing {

    /** The model-card data key naming the policy's observation encoding. */
    public static final String ENCODER_KEY = "observationEncoder";
    /** Model-card data key of the training states' {@link StateProfile}. */
    public static final String PROFILE_KEY = "stateProfile";

    private final ImitationDomain domain;
    private final Optional<String> deferral;
    private final PolicyRegistry registry;
    private final String defaultModel;
    private final boolean sharedPolicy;
    private final Map<String, ServedPolicy> served = new ConcurrentHashMap<>();
    private final Map<String, String> unavailable = new ConcurrentHashMap<>();
    private final Map<String, String> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, List<RegistryEntry>> listings = new ConcurrentHashMap<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ServedPolicy>> promotionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> forgetListeners = new CopyOnWriteArrayList<>();
    private volatile String followReason;
    private final Timer latency;
    private final Counter decisions;

    public PolicyServing(DomainSettings settings, MeterRegistry metrics) {
        this.domain = settings.domain();
        this.deferral = domain.deferralAdvice();
        this.registry = new PolicyRegistry(settings.registryDirectory());
        this.defaultModel = settings.model();
        this.sharedPolicy = settings.sharedPolicy();
        this.latency = Timer.builder("apprentice_decision_latency").tag("domain", domain.name())
                .description("Time to encode and decide one observation").publishPercentileHistogram().register(metrics);
        this.decisions = Counter.builder("apprentice_decisions").tag("domain", domain.name())
                .description("Decisions made").register(metrics);
        for (String model : registry.models()) {
            reload(model);
        }
    }

    /** The model id a single-model domain serves. */
    public String defaultModel() {
        return defaultModel;
    }

    /** Calls {@code listener} after every registration, promotion, rollback, swap or forgotten model. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed(String model) {
        listings.remove(model);
        changeListeners.forEach(Runnable::run);
    }

    /** The registry of this replica. */
    public PolicyRegistry registry() {
        return registry;
    }

    /** Every version of a model, oldest first, each verified once and cached until the model changes. */
    public List<RegistryEntry> versions(String model) {
        return listings.computeIfAbsent(model, registry::list);
    }

    /** The promotion history a rollback can return through, oldest first; the last is served. */
    public List<Integer> promotionStack(String model) {
        return registry.promotionStack(model);
    }

    /** Registers a trained policy; the card must name this domain's encoder. */
    public ModelCard register(Policy policy, ModelCard draft) {
        requireOwnRegistry();
        ModelCard card = registry.register(policy, draft);
        changed(card.model());
        return card;
    }

    /**
     * Loads and checks a version without serving it.
     *
     * @throws NotFoundException when there is no such version
     * @throws UnservableVersionException when it cannot be served here, saying why
     */
    public ServedPolicy check(String model, int version) {
        if (!registry.exists(model, version)) {
            throw new NotFoundException("no version " + version + " of " + model);
        }
        LoadedPolicy loaded;
        try {
            loaded = registry.load(model, version);
        } catch (CorruptArtefactException e) {
            throw new UnservableVersionException("version " + version + " of " + model + " fails verification: "
                    + e.getMessage());
        } catch (IllegalArgumentException deletedMeanwhile) {
            throw new NotFoundException("no version " + version + " of " + model);
        }
        return verify(loaded);
    }

    /**
     * Checks a loaded policy against this domain: its card names this domain's encoder and its
     * spaces match.
     *
     * @throws UnservableVersionException saying why it cannot be served here
     */
    public ServedPolicy verify(LoadedPolicy loaded) {
        String model = loaded.card().model();
        int version = loaded.card().version();
        Object encoder = loaded.card().data().get(ENCODER_KEY);
        if (!domain.encoder().id().equals(encoder)) {
            throw new UnservableVersionException("version " + version + " of " + model + " was trained on '" + encoder
                    + "' observations; this service encodes " + domain.encoder().id());
        }
        Policy p = loaded.policy();
        if (p.observationSpace().dimension() != domain.encoder().outputSpace().dimension()
                || !p.actionSpace().equals(domain.actionSpace())) {
            throw new UnservableVersionException("version " + version + " of " + model + " has spaces "
                    + loaded.card().observationSpace() + " -> " + loaded.card().actionSpace() + "; this service needs "
                    + domain.encoder().outputSpace().describe() + " -> " + domain.actionSpace().describe());
        }
        Object profileData = loaded.card().data().get(PROFILE_KEY);
        StateProfile profile = null;
        if (profileData != null) {
            try {
                profile = StateProfile.fromMap(profileData instanceof Map<?, ?> m ? m : Map.of());
            } catch (IllegalArgumentException e) {
                throw new UnservableVersionException("version " + version + " of " + model + " has a damaged state profile: "
                        + e.getMessage());
            }
        } else if (domain.deferralAdvice().isPresent()) {
            throw new UnservableVersionException("version " + version + " of " + model + " carries no state profile, and"
                    + " this service defers states far from the training data: retrain it");
        }
        return new ServedPolicy(model, version, loaded.card(), p, profile);
    }

    /**
     * Serves the newest version of a model's promotion stack that can be served: the promoted one,
     * or, when its artefact is corrupt, missing or unservable here, the one a rollback would return
     * to, and so on. A fallback is logged as a warning and reported by {@link #fallback}; the
     * registry is not changed (the operator decides: roll back, or promote a sound version). Damage
     * the registry recovered from in the promotion record is logged too. When no version of the
     * stack can be served, a policy already served stays.
     */
    public synchronized void reload(String model) {
        RegistryHealth health = registry.health(model);
        if (!health.intact()) {
            Log.warnf("%s: the promotion record was damaged: %s", model, String.join("; ", health.damage()));
        }
        List<Integer> stack = registry.promotionStack(model);
        if (stack.isEmpty()) {
            served.remove(model);
            fallbacks.remove(model);
            changed(model);
            return;
        }
        List<String> passedOver = new ArrayList<>();
        for (int i = stack.size() - 1; i >= 0; i--) {
            try {
                ServedPolicy policy = check(model, stack.get(i));
                swap(policy, passedOver.isEmpty() ? null
                        : String.join("; ", passedOver) + "; serving version " + policy.version() + " instead");
                return;
            } catch (UnservableVersionException | NotFoundException e) {
                passedOver.add(e.getMessage());
            }
        }
        unavailable.put(model, "no promoted version can be served: " + String.join("; ", passedOver));
        Log.errorf("%s: %s", model, unavailable.get(model));
        ServedPolicy old = served.get(model);
        if (old != null) {
            Log.warnf("%s: still serving version %d", model, old.version());
        }
    }

    private void swap(ServedPolicy policy, String fallback) {
        served.put(policy.model(), policy);
        unavailable.remove(policy.model());
        if (fallback == null) {
            fallbacks.remove(policy.model());
            Log.infof("serving %s version %d (%s)", policy.model(), policy.version(), policy.card().algorithm());
        } else {
            fallbacks.put(policy.model(), fallback);
            Log.warnf("%s: FALLBACK: %s", policy.model(), fallback);
        }
        changed(policy.model());
    }

    /**
     * Why a model is served from an older promotion than the promoted version (the promoted
     * version's artefact was corrupt, say), until a promotion or rollback settles it.
     */
    public Optional<String> fallback(String model) {
        return Optional.ofNullable(fallbacks.get(model));
    }

    /** What the registry found damaged in a model's promotion record and how it recovered. */
    public RegistryHealth registryHealth(String model) {
        return registry.health(model);
    }

    /**
     * Serves a version and records the promotion; nothing changes when it cannot be served.
     *
     * @throws NotFoundException when there is no such version
     * @throws UnservableVersionException when it cannot be served here
     */
    public synchronized ServedPolicy promote(String model, int version) {
        requireOwnRegistry();
        ServedPolicy checked = check(model, version);
        registry.promote(model, version);
        swap(checked, null);
        promotionListeners.forEach(l -> l.accept(checked));
        return checked;
    }

    /**
     * Serves the previously promoted version again; nothing changes when it cannot be served.
     *
     * @throws ConflictException when there is nothing to roll back to
     */
    public synchronized ServedPolicy rollback(String model) {
        requireOwnRegistry();
        int target = registry.rollbackTarget(model).orElseThrow(() -> new ConflictException(
                "model " + model + " has no earlier promoted version to roll back to"));
        ServedPolicy checked = check(model, target);
        int now;
        try {
            now = registry.rollback(model);
        } catch (IllegalStateException e) {
            throw new ConflictException("model " + model + ": another process changed the promotion history meanwhile and"
                    + " left nothing to roll back to (" + e.getMessage() + ")");
        }
        ServedPolicy rolledBack = now == target ? checked : check(model, now);
        swap(rolledBack, null);
        promotionListeners.forEach(l -> l.accept(rolledBack));
        return rolledBack;
    }

    /**
     * Serves a policy received from another replica (the policy topic) after checking it against
     * this domain; the local registry is not touched.
     *
     * @throws UnservableVersionException when it cannot be served here
     */
    public synchronized ServedPolicy adopt(LoadedPolicy received) {
        ServedPolicy checked = verify(received);
        ServedPolicy current = served.get(checked.model());
        if (current == null || current.version() != checked.version()
                || !current.card().weightsSha256().equals(checked.card().weightsSha256())) {
            swap(checked, null);
        }
        return checked;
    }

    /**
     * Forgets a model: deletes every version and the promotion record from this replica's registry
     * ({@link PolicyRegistry#delete}, crash-safe), stops serving it, drops what was cached about it,
     * runs the change listeners and tells the forget listeners (the policy topic publishes a
     * tombstone, so that every replica stops serving it). Forgetting again is harmless and tells the
     * listeners again, so an erasure a crash interrupted can simply be repeated.
     *
     * @return how many versions were deleted; 0 for a model the registry does not hold
     * @throws ConflictException on a replica that serves what another replica promotes
     */
    public synchronized int forget(String model) {
        requireOwnRegistry();
        int deleted = registry.delete(model);
        stopServing(model);
        forgetListeners.forEach(l -> l.accept(model));
        Log.infof("forgot %s: deleted %d versions", model, deleted);
        return deleted;
    }

    /**
     * Stops serving a model that another replica forgot (a tombstone on the policy topic); this
     * replica's registry is not touched.
     */
    public synchronized void forgetAdopted(String model) {
        if (served.containsKey(model)) {
            Log.infof("%s was forgotten by the training replica; no longer serving it", model);
        }
        stopServing(model);
    }

    private void stopServing(String model) {
        served.remove(model);
        unavailable.remove(model);
        fallbacks.remove(model);
        changed(model);
    }

    /** Calls {@code listener} with the model's id after every {@link #forget}. */
    public void onForget(Consumer<String> listener) {
        forgetListeners.add(listener);
    }

    /** Makes this replica serve only what it adopts: promotion, rollback and forgetting answer 409 here. */
    public void followOtherReplicas(String reason) {
        followReason = reason;
    }

    /** Calls {@code listener} with the newly served policy after every promotion and rollback. */
    public void onPromotion(Consumer<ServedPolicy> listener) {
        promotionListeners.add(listener);
    }

    private void requireOwnRegistry() {
        if (followReason != null) {
            throw new ConflictException(followReason);
        }
    }

    /** The served policy of a model, if any. */
    public Optional<ServedPolicy> served(String model) {
        return Optional.ofNullable(served.get(model));
    }

    /** The served policy of a model, or a 503 saying why there is none. */
    public ServedPolicy requireServed(String model) {
        ServedPolicy s = served.get(model);
        if (s == null) {
            throw UnavailableException.noPolicy(unavailable.getOrDefault(model, "no policy has been promoted yet"
                    + " for model " + model + (sharedPolicy ? ": train one (POST /api/v1/" + domain.name()
                    + "/training/jobs)" : "")));
        }
        return s;
    }

    /** How many models are served. */
    public int servedCount() {
        return served.size();
    }

    /** Decides for one raw observation (already validated) with a model's served policy. */
    public Decision decide(String model, float[] observation) {
        ServedPolicy s = requireServed(model);
        long start = System.nanoTime();
        float[] features = domain.encoder().encode(observation);
        ActionDistribution distribution = s.policy().distribution(features);
        float[] action = distribution.mode();
        ActionLabels labels = domain.actionLabels();
        Boolean refused = null;
        List<String> reasons = null;
        // Only a deferring domain pays for the distance; verify() guarantees its versions carry a profile.
        double distance = deferral.isPresent() ? s.profile().distance(features) : 0;
        if (deferral.isPresent() && !(distance <= s.profile().threshold())) {
            refused = true;
            reasons = List.of(String.format(Locale.ROOT, "no recommendation: the state is far from the training data"
                    + " (distance %.1f > %.1f, beyond %.1f %% of the training states); %s", distance,
                    s.profile().threshold(), 100 * s.profile().quantile(), deferral.get()));
            action = null;
        } else if (domain.guard().isPresent()) {
            GuardVerdict verdict = domain.guard().get().review(observation, action);
            refused = verdict.refused();
            reasons = verdict.reasons();
            action = verdict.action();
        }
        Decision decision;
        if (!labels.continuous()) {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            int chosen = action == null ? -1 : (int) action[0];
            List<String> names = labels.names();
            for (int a = 0; a < names.size(); a++) {
                probabilities.put(names.get(a), distribution instanceof CategoricalDistribution c ? c.probability(a)
                        : a == chosen ? 1.0 : 0.0);
            }
            decision = new Decision(chosen < 0 ? null : names.get(chosen), probabilities, null, null, model, s.version(),
                    refused, reasons);
        } else {
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, String> units = new LinkedHashMap<>();
            for (int d = 0; d < labels.names().size(); d++) {
                if (action != null) {
                    values.put(labels.names().get(d), (double) action[d]);
                }
                units.put(labels.names().get(d), labels.units().get(d));
            }
            decision = new Decision(null, null, action == null ? null : values, units, model, s.version(), refused, reasons);
        }
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        decisions.increment();
        return decision;
    }
}
