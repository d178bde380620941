package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Cell;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTableTest {

    @Test
    void givenOneCellThenTheTableShowsItsRatesInPercentWithTheFusedColumnsAfterOne() {
        Summary eer = new Summary(0.0773, 0.012, 0.093);
        Cell cell = new Cell("logistic-regression", FeatureSet.BOTH, Activity.SITTING, eer, new Summary(0.176, 0, 0),
                new Summary(0.17, 0, 0), new Summary(0.356, 0, 0),
                List.of(eer, new Summary(0.058, 0, 0), new Summary(0.049, 0, 0), new Summary(0.03, 0, 0)), List.of(), List.of());
        EvaluationResult result = new EvaluationResult(Protocol.standard(), List.of(1L, 2L), List.of(1, 3, 5, 10), List.of(cell));

        String table = EvaluationTable.render(result);

        assertEquals("""
                ### both features, verified sitting

                Enrolment on each owner's first 15 Sitting samples; 50 enrolled, 25 background and 20 impostor users; \
                seeds 1, 2. Rates in %, means over users then over seeds.

                | method | EER (± sd over seeds) | user sd | FAR @ FRR 1 % | FAR @ FRR 5 % | FRR @ FAR 1 % | EER fused 3 \
                | EER fused 5 | EER fused 10 |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|
                | logistic-regression | 7.7 ± 1.2 | 9.3 | 17.6 | 17.0 | 35.6 | 5.8 | 4.9 | 3.0 |

                """, table.replace("\r\n", "\n"));
    }
}
