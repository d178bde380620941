package dev.apprentice.il.report;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.reference.ReferenceTask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison report runs every cell on every seed and lays the results out as the GAIL paper does. */
class ImitationReportTest {

    @Test
    void reportHasOneValuePerSeedInEveryCellAndATableRowPerAlgorithm() {
        // given
        ImitationReport.Settings settings = new ImitationReport.Settings(List.of(ReferenceTask.IDENTITY_DISCRETE),
                List.of("bc"), List.of(1, 3), 2, 5, 2);
        List<String> log = new ArrayList<>();
        // when
        ImitationReport report = ImitationReport.run(settings, log::add);
        // then
        assertEquals(2, report.cells().size());
        assertEquals(4, log.size(), "one log line per run");
        for (ImitationReport.Cell cell : report.cells()) {
            assertEquals(2, cell.normalizedReturns().length);
        }
        ImitationReport.Cell three = report.cells().get(1);
        assertTrue(three.mean() >= 0.9, "BC from 3 identity episodes, mean " + three.mean());
        String table = report.toMarkdown();
        assertTrue(table.contains("| algorithm | 1 trajectory | 3 trajectories |"), table);
        assertTrue(table.contains("| bc | "), table);
        assertTrue(table.contains("mean ± sd over 2 seeds, 5 held-out episodes"), table);
    }

    @Test
    void standardDeviationIsTheSampleStandardDeviation() {
        ImitationReport.Cell cell = new ImitationReport.Cell("t", "bc", 1, new double[] {1, 2, 3, 4}, 0);
        assertEquals(2.5, cell.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), cell.standardDeviation(), 1e-12);
        assertEquals(0, new ImitationReport.Cell("t", "bc", 1, new double[] {0.7}, 0).standardDeviation(), 0.0);
    }

    @Test
    void rejectsUnknownAlgorithmsAndEmptyDemonstrationSizes() {
        assertRejected(() -> new ImitationReport.Settings(List.of(ReferenceTask.CARTPOLE), List.of("ppo"), List.of(1), 1, 1, 1),
                "algorithms", "'ppo'");
        assertRejected(() -> new ImitationReport.Settings(List.of(ReferenceTask.CARTPOLE), List.of("bc"), List.of(0), 1, 1, 1),
                "trajectories", "found 0");
        assertRejected(() -> ReferenceRecipes.trainer("ppo", ReferenceTask.CARTPOLE, 1, 1), "algorithm", "'ppo'");
    }
}
