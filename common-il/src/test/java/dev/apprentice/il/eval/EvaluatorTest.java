package dev.apprentice.il.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.policy.UniformRandomActor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static RolloutCollector collector;

    @BeforeAll
    static void start() {
        collector = new RolloutCollector(2, 100_000);
    }

    @AfterAll
    static void stop() {
        collector.close();
    }

    @Test
    void expertScoresOneAndRandomScoresZeroOnTheSameSeeds() {
        ReferenceTask task = ReferenceTask.CARTPOLE;
        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), RolloutCollector.seeds(100, 20));

        EvaluationResult expert = evaluator.evaluate("expert-again", task.expert());
        EvaluationResult random = evaluator.evaluate("random-again", new UniformRandomActor(task.environments().get().actionSpace()));

        assertEquals(1.0, expert.normalizedReturn(), 1e-12);
        assertEquals(1.0, expert.actionAgreement(), 1e-12);
        assertEquals(0.0, random.normalizedReturn(), 1e-12, "the same seeds give the same random episodes");
        assertTrue(random.actionAgreement() > 0.3 && random.actionAgreement() < 0.7, "about half by chance");
        assertEquals(500.0, evaluator.expertStatistics().meanReturn(), 1e-9);
    }

    @Test
    void alwaysPushingLeftScoresBetweenRandomAndExpertOrBelow() {
        ReferenceTask task = ReferenceTask.CARTPOLE;
        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), RolloutCollector.seeds(100, 20));
        EvaluationResult left = evaluator.evaluate("left", (obs, rng) -> new float[] {0});
        assertTrue(left.normalizedReturn() < 0.1, "normalised return " + left.normalizedReturn());
        assertTrue(left.episodes().terminationRate() == 1.0);
    }

    @Test
    void continuousAgreementUsesFivePercentOfTheRange() {
        ReferenceTask task = ReferenceTask.PENDULUM;
        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), RolloutCollector.seeds(100, 5));
        // 0.15 N·m off is within 5% of the 4 N·m range; 0.25 is not
        EvaluationResult close = evaluator.evaluate("close", (obs, rng) -> shifted(task, obs, 0.15f));
        EvaluationResult far = evaluator.evaluate("far", (obs, rng) -> shifted(task, obs, 0.25f));
        assertTrue(close.actionAgreement() > 0.4, "close agreement " + close.actionAgreement());
        assertTrue(far.actionAgreement() < close.actionAgreement());
        assertTrue(far.actionMeanAbsoluteError() > close.actionMeanAbsoluteError());
    }

    private static float[] shifted(ReferenceTask task, float[] obs, float delta) {
        float a = task.expert().act(obs, null)[0];
        float moved = a + delta <= 2f ? a + delta : a - delta;
        return new float[] {moved};
    }

    @Test
    void reportPrintsATableAndValidJsonWithExpertAndRandomRows() throws Exception {
        ReferenceTask task = ReferenceTask.IDENTITY_DISCRETE;
        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), RolloutCollector.seeds(1, 10));
        EvaluationReport report = evaluator.report(task.id(), List.of(evaluator.evaluate("copy", task.expert())));

        String table = report.toTable();
        JsonNode json = new ObjectMapper().readTree(report.toJson());

        assertTrue(table.contains("normalised return") && table.contains("expert") && table.contains("copy"), table);
        assertEquals(3, json.get("results").size());
        assertEquals("random", json.get("results").get(1).get("policy").asText());
        assertTrue(json.get("results").get(1).get("actionAgreement").isNull());
        assertEquals(1.0, json.get("results").get(2).get("normalizedReturn").asDouble(), 1e-12);
    }

    @Test
    void anExpertNoBetterThanRandomIsRejected() {
        ReferenceTask task = ReferenceTask.CARTPOLE;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Evaluator(collector, task.environments(), (obs, rng) -> new float[] {0},
                        RolloutCollector.seeds(1, 5)));
        assertTrue(e.getMessage().contains("does not exceed the random policy"), e.getMessage());
    }
}
