package dev.apprentice.lanechange.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the lane-change service, typed and documented, under {@code lane-change.*};
 * profile-specific values live in {@code application.properties}.
 */
@ConfigMapping(prefix = "lane-change")
public interface LaneChangeConfig {

    /** Kafka connection and topic. */
    Kafka kafka();

    /** Where demonstrations are stored. */
    Store store();

    /** The policy registry. */
    Registry registry();

    /** Training jobs, evaluation and promotion. */
    Training training();

    /** The simulated expert drivers. */
    Producer producer();

    /** API keys. */
    Security security();

    /** Kafka settings. */
    interface Kafka {
        /** Bootstrap servers of an existing cluster; ignored when {@link #embedded()} is true. */
        Optional<String> bootstrapServers();

        /** Start an in-process single-node KRaft broker (the one-command demo). */
        @WithDefault("false")
        boolean embedded();

        /** Port of the embedded broker (0: a free port). */
        @WithDefault("0")
        int embeddedPort();

        /** Data directory of the embedded broker (empty: a temporary directory deleted on exit). */
        Optional<String> embeddedDataDir();

        /** The demonstrations topic. */
        @WithDefault("lane-change.demonstrations")
        String topic();

        /** Partitions of the topic when the service creates it. */
        @WithDefault("3")
        int partitions();

        /** Consumer group of the ingester. */
        @WithDefault("lane-change-ingest")
        String groupId();

        /** Transactional id of the ingester; must be unique per replica. */
        @WithDefault("lane-change-ingest-0")
        String transactionalId();

        /** Wire format: {@code avro-single-object} or {@code avro-json}. */
        @WithDefault("avro-single-object")
        String payloadFormat();

        /** Whether this instance ingests (a serving-only replica sets false). */
        @WithDefault("true")
        boolean ingest();
    }

    /** Store settings. */
    interface Store {
        /** Directory of the demonstration store. */
        @WithDefault(".apprentice/lane-change/store")
        String directory();
    }

    /** Registry settings. */
    interface Registry {
        /** Directory of the policy registry. */
        @WithDefault(".apprentice/lane-change/registry")
        String directory();

        /** Name of the served model in the registry. */
        @WithDefault("lane-change")
        String model();
    }

    /** Training settings. */
    interface Training {
        /** Start training automatically when this many new complete episodes have been stored (0: never). */
        @WithDefault("0")
        int autoTrainEpisodes();

        /** Algorithms run, in order, by automatic training. */
        @WithDefault("bc,rail")
        List<String> autoAlgorithms();

        /** When a newly trained version is promoted: {@code manual}, {@code always} or {@code if-better}. */
        @WithDefault("if-better")
        String promotion();

        /** Evaluation episodes per trained policy. */
        @WithDefault("50")
        int evaluationEpisodes();

        /** First evaluation seed; training data never uses these seeds. */
        @WithDefault("1000000")
        long evaluationSeed();

        /** The driver style the evaluation expert drives with (normalised return 1 = this expert). */
        @WithDefault("normal")
        String evaluationStyle();

        /** Training threads for rollouts. */
        @WithDefault("2")
        int threads();

        /** Iterations of RAIL when a request does not say; unset: {@code LaneChangeImitation}'s (300). */
        Optional<Integer> railIterations();

        /** Iterations of GAIL when a request does not say; unset: {@code LaneChangeImitation}'s (40). */
        Optional<Integer> gailIterations();
    }

    /** Simulated expert drivers. */
    interface Producer {
        /** Styles published at start-up (the demo); empty: none. */
        Optional<List<String>> startupStyles();

        /** Episodes per style published at start-up. */
        @WithDefault("10")
        int startupEpisodes();

        /** First simulator seed of published episodes; evaluation seeds stay disjoint. */
        @WithDefault("0")
        long firstSeed();

        /** Simulated time between decisions in published event times. */
        @WithDefault("1s")
        Duration decisionInterval();
    }

    /** API key settings. */
    interface Security {
        /** Accepted API keys (at least 16 characters each). */
        Optional<List<String>> apiKeys();

        /** With no keys configured, generate a development key and print it at start-up instead of refusing to start. */
        @WithDefault("false")
        boolean generateDevelopmentKey();
    }
}
