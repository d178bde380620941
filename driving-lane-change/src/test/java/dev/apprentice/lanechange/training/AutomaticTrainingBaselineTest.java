package dev.apprentice.lanechange.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.lanechange.sim.DriverStyle;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a restart, automatic training counts only episodes that no registered version was trained
 * on: the baseline is the largest {@code episodesUsed} in the model's cards.
 */
class AutomaticTrainingBaselineTest {

    @TempDir
    Path dir;

    @Test
    void theBaselineIsTheMostEpisodesAnyRegisteredVersionWasTrainedOn() {
        PolicyRegistry registry = new PolicyRegistry(dir);
        assertEquals(0, TrainingService.episodesTrainedOn(registry, "lane-change"), "an empty registry");

        LaneChangeImitation imitation = new LaneChangeImitation();
        DemonstrationSet raw;
        try (RolloutCollector collector = new RolloutCollector(1, imitation.road().episodeDecisions())) {
            raw = imitation.expertDemonstrations(collector, DriverStyle.NORMAL, RolloutCollector.seeds(0, 2));
        }
        TrainingOutcome outcome = imitation.trainer("bc", 1, 1, 0).train(imitation.task(raw),
                TrainingOptions.listener(p -> { }));
        for (int episodesUsed : new int[] {30, 55, 40}) {
            registry.register(outcome.policy(), ModelCard.draft("lane-change", outcome, "test",
                    imitation.task(raw).demonstrations(), null).withDataProvenance(Map.of(TrainingService.EPISODES_USED, episodesUsed)));
        }
        registry.register(outcome.policy(), ModelCard.draft("other-model", outcome, "test",
                imitation.task(raw).demonstrations(), null).withDataProvenance(Map.of(TrainingService.EPISODES_USED, 90)));

        assertEquals(55, TrainingService.episodesTrainedOn(registry, "lane-change"));
        assertEquals(90, TrainingService.episodesTrainedOn(registry, "other-model"));
    }
}
