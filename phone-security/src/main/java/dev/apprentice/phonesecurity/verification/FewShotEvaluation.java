package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.data.HoldAndTapData;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Few-shot enrolment on the {@link Protocol}: the same splits (users shuffled by the seed, so the
 * enrolled, background and impostor people do not depend on the enrolment size) with owners
 * enrolled on their first 1, 3, 5 or 10 Sitting samples, every method measured in the same run.
 * Verification is on the owner's Sitting samples after enrolment (so 29, 27, 25 or 20 of them) and
 * on all their Standing and Walking samples.
 *
 * <pre>{@code
 * List<FewShotEvaluation.Row> rows = new FewShotEvaluation(data, 2).run(methods, FeatureSet.BOTH,
 *         List.of(1, 3, 5, 10), List.of(1L, 2L), List.of(Activity.SITTING));
 * }</pre>
 */
public final class FewShotEvaluation {

    /** The enrolment sizes the service README reports. */
    public static final List<Integer> ENROLMENT_SIZES = List.of(1, 3, 5, 10);

    private final HoldAndTapData data;
    private final int threads;

    /** An evaluation of {@code data} on at most {@code threads} threads. */
    public FewShotEvaluation(HoldAndTapData data, int threads) {
        this.data = data;
        this.threads = threads;
    }

    /**
     * One enrolment size's results.
     *
     * @param enrolmentSamples Sitting samples each owner enrolled on
     * @param result every method's cells for that size
     */
    public record Row(int enrolmentSamples, EvaluationResult result) {

        /** The cell of one method and test activity. */
        public Cell cell(String method, Activity activity) {
            return result.cells().stream().filter(c -> c.method().equals(method) && c.activity() == activity).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no cell for " + method + " verified " + activity.id()));
        }
    }

    /**
     * Runs every method at every enrolment size.
     *
     * @throws IllegalArgumentException for an empty list or a size the protocol cannot split
     */
    public List<Row> run(List<VerificationMethod> methods, FeatureSet features, List<Integer> sizes, List<Long> seeds,
            List<Activity> activities) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("enrolment sizes: expected at least one, found none");
        }
        Protocol standard = Protocol.standard();
        List<Row> rows = new ArrayList<>();
        for (int size : sizes) {
            Protocol protocol = new Protocol(standard.enrolledUsers(), standard.backgroundUsers(),
                    standard.impostorUsers(), size);
            rows.add(new Row(size, new ProtocolEvaluation(data, protocol, threads)
                    .run(methods, List.of(features), seeds, activities)));
        }
        return rows;
    }

    /** The EER table: one row per test activity and enrolment size, one column per method, mean ± sd over seeds in %. */
    public static String render(List<Row> rows, List<String> methods, List<Activity> activities) {
        StringBuilder out = new StringBuilder();
        out.append("| verified | enrolment samples |");
        methods.forEach(m -> out.append(' ').append(m).append(" |"));
        out.append('\n').append("|---|---:|");
        methods.forEach(m -> out.append("---:|"));
        out.append('\n');
        for (Activity activity : activities) {
            for (Row row : rows) {
                out.append("| ").append(activity.id()).append(" | ").append(row.enrolmentSamples()).append(" |");
                for (String method : methods) {
                    EvaluationResult.Summary eer = row.cell(method, activity).eer();
                    out.append(String.format(Locale.ROOT, " %.1f ± %.1f |", 100 * eer.mean(), 100 * eer.seedSd()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
