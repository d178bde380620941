package dev.apprentice.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Training jobs, evaluation and promotion ({@code apprentice.training.*}). */
@ConfigMapping(prefix = "apprentice.training")
public interface TrainingSettings {

    /** Start training automatically when this many new complete episodes have been stored (0: never). */
    @WithDefault("0")
    int autoTrainEpisodes();

    /** Algorithms run, in order, by automatic training; unset: the domain's first. */
    Optional<List<String>> autoAlgorithms();

    /** When a newly trained version is promoted: {@code manual}, {@code always} or {@code if-better}. */
    @WithDefault("if-better")
    String promotion();

    /** Evaluation episodes per trained policy. */
    @WithDefault("50")
    int evaluationEpisodes();

    /** First evaluation seed; training data never uses these seeds. */
    @WithDefault("1000000")
    long evaluationSeed();

    /** The expert evaluation compares with; unset: the domain's default expert. */
    Optional<String> evaluationExpert();

    /** Threads for rollouts and random search. */
    @WithDefault("2")
    int threads();

    /** Iterations per iterative algorithm when a request does not say, e.g. {@code rail=300}; unset: the domain's recipe. */
    Map<String, Integer> iterations();

    /**
     * Whether this replica trains, when it ingests: true on the one training replica of a model
     * (it trains, promotes and publishes to the policy topic); false on further ingesting replicas,
     * which store their partitions' records and serve what the policy topic carries.
     */
    @WithDefault("true")
    boolean enabled();

    /** Jobs that may wait in the queue; more answer 429. */
    @WithDefault("16")
    int maxQueuedJobs();
}
