package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.phonesecurity.verification.EvaluationResult.SeedRun;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Summary;
import dev.apprentice.phonesecurity.verification.EvaluationResult.UserErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationResultTest {

    @Test
    void givenTwoSeedsThenTheSummaryAveragesUsersThenSeedsAndPoolsTheUserSpread() {
        List<SeedRun> runs = List.of(run(1, 0.1, 0.3), run(2, 0.2, 0.4, Double.NaN));

        Summary summary = Summary.of(runs, UserErrors::eer);

        // Seed means 0.2 and 0.3; each seed's users differ by 0.2, variance 0.02; the NaN user is left out.
        assertEquals(0.25, summary.mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), summary.seedSd(), 1e-12);
        assertEquals(Math.sqrt(0.02), summary.userSd(), 1e-12);
    }

    @Test
    void givenOneSeedThenThereIsNoSpreadOverSeeds() {
        Summary summary = Summary.of(List.of(run(1, 0.1, 0.2, 0.6)), UserErrors::eer);

        assertEquals(0.3, summary.mean(), 1e-12);
        assertEquals(0, summary.seedSd());
        assertEquals(Math.sqrt(0.07), summary.userSd(), 1e-12);
    }

    private static SeedRun run(long seed, double... eers) {
        return new SeedRun(seed, java.util.Arrays.stream(eers)
                .mapToObj(e -> new UserErrors("u", 15, 600, e, 0, 0, 0, List.of(e))).toList());
    }
}
