package dev.apprentice.service.domain;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.il.stream.DemonstrationValidator;
import java.util.Optional;

/**
 * Everything the service kit needs to know about one domain, provided by the domain module as a
 * single CDI bean: names, spaces, the feature encoder, the Avro record mapping, and optionally the
 * shared policy (its decision codec, training recipes and evaluation), a simulator with experts and
 * a decision guard. The kit does the rest (ingest, jobs, registry, serving, hot swap, keys, page).
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class LaneChangeDomain implements ImitationDomain {
 *     public String name() { return "lane-change"; }
 *     ...
 * }
 * }</pre>
 */
public interface ImitationDomain {

    /** The domain's name: topic prefix, model name, metric tag, e.g. {@code lane-change}. */
    String name();

    /** A short human title for the page and the logs, e.g. {@code lane-change decisions}. */
    String title();

    /** Raw observations as streamed, stored and sent to the decision API. */
    Box observationSpace();

    /** The actions. */
    Space actionSpace();

    /** The feature map from raw observations to what policies see; named in every model card. */
    ObservationEncoder encoder();

    /** Names (and units) of the actions, for decision answers. */
    ActionLabels actionLabels();

    /** The Avro record of the demonstrations topic and its mapping to expert steps. */
    DemonstrationRecords<?> records();

    /**
     * Reads decision request bodies into raw observations for the kit's decision endpoints; part of
     * the shared policy, present exactly when {@link #training()} is.
     */
    default Optional<DecisionCodec> decisions() {
        return Optional.empty();
    }

    /**
     * How the kit's training jobs train the one policy the domain shares among all its users, with
     * {@link #evaluation()} and {@link #decisions()}: the three are present together or not at all.
     * A domain without them trains per-subject models through its own endpoints (one small model
     * per user, say): the kit's training, registry and decision endpoints then answer 404
     * {@code no-shared-policy}, it trains nothing automatically and resumes no journaled job, and
     * its page shows no training or evaluation.
     */
    default Optional<TrainingRecipes> training() {
        return Optional.empty();
    }

    /** How the shared policy is evaluated and which metrics decide its promotion; present exactly when {@link #training()} is. */
    default Optional<DomainEvaluation> evaluation() {
        return Optional.empty();
    }

    /**
     * How the domain meta-learns a starting point for one person (driver, patient) that adapts from a
     * few of their demonstrations, if it does; needs {@link #training()} for the feature map.
     */
    default Optional<MetaLearningRecipe> metaLearning() {
        return Optional.empty();
    }

    /** A simulator with scripted experts and a live scene, if the domain has one. */
    default Optional<ExpertSimulation> simulation() {
        return Optional.empty();
    }

    /** A guard every decision passes through, if the domain needs one. */
    default Optional<DecisionGuard> guard() {
        return Optional.empty();
    }

    /**
     * When present, a decision on a state far from the served policy's training states is refused
     * rather than guessed, and the answer ends with this advice (e.g. {@code defer to the
     * clinician}). The distance is the {@link dev.apprentice.il.data.StateProfile} kept in every
     * model card, its threshold a quantile of the training states' own distances.
     */
    default Optional<String> deferralAdvice() {
        return Optional.empty();
    }

    /** Limits on decision batches and on ingested steps. */
    default DomainLimits limits() {
        return DomainLimits.DEFAULT;
    }

    /** The check every ingested step passes before it is stored. */
    default DemonstrationValidator validator() {
        return new DemonstrationValidator(name(), observationSpace(), actionSpace(), limits().ingest());
    }
}
