package dev.apprentice.phonesecurity.cohort;

import dev.apprentice.phonesecurity.verification.ErrorRates.DetPoint;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Summary;
import dev.apprentice.phonesecurity.verification.Protocol;
import java.util.List;

/**
 * The latest protocol evaluation as the page shows it: where the latest run is, and per cell of
 * the latest run that finished the EERs and the averaged DET curve, without the per-user results.
 *
 * @param state {@code off} (none asked for yet), {@code no-data} (no Hold-and-Tap directory),
 *     {@code running}, {@code done} or {@code failed}
 * @param trigger who started it: {@code start-up} or {@code api}; null while off
 * @param seconds how long it has run, or took
 * @param seeds the latest run's split seeds; empty while off
 * @param cellSeeds the split seeds of the run the cells come from; empty until a run finished
 * @param protocol the protocol followed, or null while off
 * @param fusedSamples the window sizes of {@link Cell#fusedEer()}
 * @param cells by feature set, then activity, then method, of the latest run that finished (while
 *     another runs, too); empty until one finished
 */
public record EvaluationView(String state, String trigger, double seconds, List<Long> seeds, List<Long> cellSeeds,
        Protocol protocol,
        List<Integer> fusedSamples, List<Cell> cells) {

    /**
     * One method on one feature set verified in one activity.
     *
     * @param method the method's name
     * @param features the feature set's id
     * @param activity the activity's id
     * @param eer the single-sample EER
     * @param fusedEer the EER of the mean of k consecutive samples, per {@link EvaluationView#fusedSamples()}
     * @param det the averaged DET curve: mean FRR over owners at each FAR
     */
    public record Cell(String method, String features, String activity, Summary eer, List<Summary> fusedEer,
            List<DetPoint> det) {
    }
}
