package dev.apprentice.starcraft.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.starcraft.demonstration.PlayerDemonstrations;
import dev.apprentice.starcraft.demonstration.ProductionStep;
import dev.apprentice.starcraft.demonstration.ReplayCorpus;
import dev.apprentice.starcraft.replay.ProtocolLibrary;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProductionEvaluationTest {
    static ReplayCorpus corpus;

    @BeforeAll
    static void load() {
        Path replays = Path.of(System.getProperty("apprentice.sc2.replays.dir", "../../shared/data/sc2/replays"));
        Path protocols = Path.of(System.getProperty("apprentice.sc2.protocol.dir", "../../shared/data/sc2/protocol"));
        corpus = ReplayCorpus.load(ProtocolLibrary.fromDirectory(protocols), replays);
    }

    @Test
    void foldsSplitByReplayAndNeverShareASample() {
        for (int trainingReplays : new int[] {2, 11}) {
            for (ProductionEvaluation.Fold fold : ProductionEvaluation.leaveOneReplayOutFolds(corpus.players(),
                    trainingReplays, true, 3)) {
                Set<String> trainingReplaysSeen = fold.training().stream().map(PlayerDemonstrations::replay)
                        .collect(Collectors.toSet());
                assertFalse(trainingReplaysSeen.contains(fold.heldOutReplay()));
                assertEquals(Math.min(trainingReplays, 11), trainingReplaysSeen.size());
                assertTrue(fold.heldOut().stream().allMatch(p -> p.replay().equals(fold.heldOutReplay()) && p.human()));
                Set<ProductionStep> trained = Collections.newSetFromMap(new IdentityHashMap<>());
                fold.training().forEach(p -> trained.addAll(p.steps()));
                assertTrue(fold.heldOut().stream().flatMap(p -> p.steps().stream()).noneMatch(trained::contains));
            }
        }
    }

    @Test
    void behaviourCloningBeatsChanceAndTheRaceFrequenciesAndMatchesTheMarkovModelOnHeldOutReplays() {
        Map<String, ProductionEvaluation.Accuracy> accuracy =
                ProductionEvaluation.leaveOneReplayOut(corpus.players(), 11, true, 1);

        ProductionEvaluation.Accuracy bc = accuracy.get("behaviour cloning");
        ProductionEvaluation.Accuracy markov = accuracy.get("Markov on the previous production");
        ProductionEvaluation.Accuracy frequent = accuracy.get("most frequent per race");
        ProductionEvaluation.Accuracy random = accuracy.get("random");
        assertEquals(5225, bc.decisions(), "every human production of the 12 replays is scored once");
        assertTrue(bc.top1Rate() > 10 * random.top1Rate(), "bc " + bc + " random " + random);
        assertTrue(bc.top1Rate() > frequent.top1Rate() + 0.08, "bc " + bc + " frequent " + frequent);
        assertTrue(bc.top5Rate() > frequent.top5Rate() + 0.02, "bc " + bc + " frequent " + frequent);
        assertTrue(bc.top1Rate() > markov.top1Rate() - 0.03, "bc " + bc + " markov " + markov);
    }
}
