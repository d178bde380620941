package dev.apprentice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprenticeCliTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        return cli.stderr();
    }

    @Test
    void trainPrintsJsonEvaluationRegistersAndPromotesThenEvaluateAndRegistryCommandsUseIt() throws Exception {
        String registry = dir.resolve("registry").toString();

        int status = run("train", "--env", "identity-discrete", "--episodes", "5", "--eval-episodes", "10", "--epochs", "40",
                "--registry", registry, "--json");

        assertEquals(0, status, stderr());
        JsonNode doc = new ObjectMapper().readTree(stdout());
        assertEquals("identity-discrete-bc", doc.get("model").asText());
        assertEquals(1, doc.get("version").asInt());
        JsonNode bcRow = doc.get("evaluation").get("results").get(2);
        assertEquals("bc", bcRow.get("policy").asText());
        assertTrue(bcRow.get("normalizedReturn").asDouble() > 0.9, bcRow.toString());
        assertTrue(Files.isRegularFile(dir.resolve("registry/identity-discrete-bc/v1/model-card.json")));

        assertEquals(0, run("evaluate", "--env", "identity-discrete", "--model", "identity-discrete-bc", "--registry",
                registry, "--eval-episodes", "5"), stderr());
        assertTrue(stdout().contains("identity-discrete-bc v1"), stdout());

        assertEquals(0, run("registry", "list", "--registry", registry), stderr());
        assertTrue(stdout().contains("* v1"), stdout());
    }

    @Test
    void trainWithDaggerRegistersADaggerPolicy() throws Exception {
        String registry = dir.resolve("registry").toString();

        int status = run("train", "--env", "identity-discrete", "--algorithm", "dagger", "--episodes", "3",
                "--eval-episodes", "5", "--registry", registry, "--json");

        assertEquals(0, status, stderr());
        JsonNode doc = new ObjectMapper().readTree(stdout());
        assertEquals("identity-discrete-dagger", doc.get("model").asText());
        assertTrue(doc.get("evaluation").get("results").get(2).get("normalizedReturn").asDouble() > 0.9, stdout());
    }

    @Test
    void reportPrintsOneTableRowPerAlgorithmAndOneColumnPerDemonstrationSize() {
        int status = run("report", "--envs", "identity-discrete", "--algorithms", "bc", "--trajectories", "1,2",
                "--seeds", "2", "--eval-episodes", "5");

        assertEquals(0, status, stderr());
        assertTrue(stdout().contains("| algorithm | 1 trajectory | 2 trajectories |"), stdout());
        assertTrue(stdout().contains("| bc | "), stdout());
        assertTrue(stdout().contains("identity-discrete bc 2 trajectories seed 2"), stdout());
    }

    @Test
    void metaSinusoidPrintsOneRowPerMethodAndShotCount() throws Exception {
        int status = run("meta", "sinusoid", "--methods", "maml,pretrained", "--shots", "5", "--evaluate", "5", "--iterations", "20",
                "--tasks", "5", "--json");

        assertEquals(0, status, stderr());
        JsonNode rows = new ObjectMapper().readTree(stdout());
        assertEquals(2, rows.size());
        assertEquals("maml", rows.get(0).get("method").asText());
        assertEquals("pretrained", rows.get(1).get("method").asText());
        assertTrue(rows.get(0).get("mseAfterTenSteps").asDouble() < rows.get(0).get("mseBefore").asDouble(), stdout());
    }

    @Test
    void metaNormlComparesRewardFreeAdaptationWithMaml() {
        int status = run("meta", "norml", "--task", "rotate", "--iterations", "3", "--held-out", "2");

        assertEquals(0, status, stderr());
        assertTrue(stdout().contains("| NoRML, adapted without reward |"), stdout());
        assertTrue(stdout().contains("| MAML, adapted with the reward removed |"), stdout());
    }

    @Test
    void metaRejectsAnUnknownReportOrMethod() {
        assertEquals(2, run("meta", "omniglot"));
        assertTrue(stderr().contains("meta: expected sinusoid or norml, found 'omniglot'"), stderr());
        assertEquals(2, run("meta", "sinusoid", "--methods", "mamba"));
        assertTrue(stderr().contains("found 'mamba'"), stderr());
    }

    @Test
    void reportRejectsAnUnknownAlgorithm() {
        assertEquals(2, run("report", "--algorithms", "bc,ppo"));
        assertTrue(stderr().contains("'ppo'"), stderr());
    }

    @Test
    void unknownOptionIsAUsageErrorNamingTheOption() {
        int status = run("train", "--env", "cartpole", "--epoks", "3");
        assertEquals(2, status);
        assertTrue(stderr().contains("unknown option --epoks"), stderr());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOptionAndTheValue() {
        assertEquals(2, run("train", "--env", "cartpole", "--episodes", "ten"));
        assertTrue(stderr().contains("--episodes: expected a whole number, found 'ten'"), stderr());
        assertEquals(2, run("train", "--env", "moon-lander"));
        assertTrue(stderr().contains("found 'moon-lander'"), stderr());
        assertEquals(2, run("train", "--env", "cartpole", "--learning-rate", "-1"));
        assertTrue(stderr().contains("learningRate"), stderr());
    }

    @Test
    void rollbackWithNothingToRollBackToFails() {
        int status = run("registry", "rollback", "nothing-here", "--registry", dir.toString());
        assertEquals(1, status);
        assertTrue(stderr().contains("no earlier promoted version"), stderr());
    }

    @Test
    void envsListsEveryBuiltInEnvironmentAndItPassesTheChecker() {
        assertEquals(0, run("envs"));
        for (String env : new String[] {"cartpole", "pendulum", "identity-discrete", "identity-continuous"}) {
            assertTrue(stdout().lines().anyMatch(l -> l.startsWith(env) && l.endsWith("checker: ok")), stdout());
        }
    }
}
