package dev.apprentice.service.domain;

import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.store.EpisodeId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How a domain judges a policy: named metrics under a protocol, baselines, and progress evaluation during training. */
public interface DomainEvaluation {

    /** Every metric {@link #evaluate} reports, in display order. */
    List<MetricSpec> metrics();

    /** The metric a candidate must improve (higher is better), e.g. {@code normalizedReturn}. */
    String primaryMetric();

    /** The protocol for these held-out seeds and this expert. */
    EvaluationProtocol protocol(long firstSeed, int episodes, String expert);

    /** Longest episode in decisions (sizes the rollout collector). */
    int maxEpisodeSteps();

    /** Evaluates a policy under a protocol; values keyed by {@link MetricSpec#name()}. */
    Map<String, Double> evaluate(Policy policy, EvaluationProtocol protocol, RolloutCollector collector);

    /** The expert and random rows under a protocol. */
    List<Baseline> baselines(EvaluationProtocol protocol, RolloutCollector collector);

    /**
     * Whether a stored episode is kept out of training because the domain evaluates on it (a split by
     * episode, never by sample): the kit's training jobs never read it, whatever the request asks. The
     * default holds nothing out (domains that evaluate in a simulator on held-out seeds).
     */
    default boolean heldOut(EpisodeId episode) {
        return false;
    }

    /** A cheaper evaluator run during iterative training, if the domain can roll out. */
    Optional<Evaluator> progressEvaluator(EvaluationProtocol protocol, RolloutCollector collector);
}
