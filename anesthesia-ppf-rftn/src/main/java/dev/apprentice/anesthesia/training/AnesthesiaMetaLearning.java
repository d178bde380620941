package dev.apprentice.anesthesia.training;

import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.algorithms.meta.MetaMethod;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.store.EpisodeId;
import dev.apprentice.service.domain.MetaLearningRecipe;
import java.util.regex.Pattern;

/**
 * How the service meta-learns a starting point that adapts to one patient from the first minutes
 * of their own case: a task is a patient, and a patient is a case (the clinician is only who
 * dosed it; two clinicians handing over one case dose the same patient).
 *
 * <p>Settings, measured with {@link AnesthesiaAdaptationReport}: the likelihood loss of the
 * domain's BC (squashed Gaussian in the action box), because squared error regresses the raw
 * rates, where propofol's mg/kg/h (an induction dose of 90) outweighs remifentanil's µg/kg/min
 * (about 0.2) ten-thousandfold, so remifentanil would be ignored; the likelihood fits each rate on
 * its own scale with its own variance. The network is BC's (2×64 tanh), so an adapted
 * meta-learned policy and a fine-tuned BC policy differ only in how they were trained.
 * Support and query sets are 45 decisions each (7.5 minutes): the adaptation reads the opening's
 * 90 ({@link PatientAdaptation#OPENING_SECONDS}). First-order MAML, 5,000 iterations at Adam
 * 3·10⁻³: fewer (200, 3,000 at 10⁻³) left the initialisation far behind BC. Measured: adapting it
 * on a case's opening does not improve the rest of the case (README, per-patient adaptation).
 */
public final class AnesthesiaMetaLearning implements MetaLearningRecipe {

    /** Meta-iterations when none are asked for. */
    public static final int DEFAULT_ITERATIONS = 5_000;
    /** Decisions per support set during meta-training. */
    static final int SUPPORT_SHOTS = 45;
    /** Decisions per query set during meta-training. */
    static final int QUERY_SHOTS = 45;

    /** The importer's segments of one recorded case ({@code <case>-seg<n>}) are one patient. */
    private static final Pattern SEGMENT = Pattern.compile("-seg[0-9]+$");

    @Override
    public String subject() {
        return "patient";
    }

    /** The case the episode belongs to, without the importer's segment suffix; the clinician does not matter. */
    @Override
    public String subjectOf(EpisodeId episode) {
        return SEGMENT.matcher(episode.episode()).replaceFirst("");
    }

    @Override
    public MetaConfig config(long seed, int threads, int iterations) {
        return MetaConfig.builder()
                .method(MetaMethod.FIRST_ORDER_MAML)
                .loss(ImitationLoss.LIKELIHOOD)
                .hiddenSizes(64, 64)
                .activation(Activation.TANH)
                .supportShots(SUPPORT_SHOTS)
                .queryShots(QUERY_SHOTS)
                .innerSteps(5)
                .innerLearningRate(0.01)
                .adaptationSteps(10)
                .metaBatchSize(8)
                .outerLearningRate(3e-3)
                .iterations(iterations > 0 ? iterations : DEFAULT_ITERATIONS)
                .threads(threads)
                .seed(seed)
                .build();
    }

    @Override
    public int minimumSamplesPerSubject() {
        return SUPPORT_SHOTS + QUERY_SHOTS;
    }
}
