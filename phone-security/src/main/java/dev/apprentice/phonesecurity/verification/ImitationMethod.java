package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.model.FusedScore;
import dev.apprentice.phonesecurity.model.ImitationScore;
import dev.apprentice.phonesecurity.model.ImitationSettings;
import dev.apprentice.phonesecurity.model.OwnerEnrolment;
import dev.apprentice.phonesecurity.model.OwnerModel;
import dev.apprentice.phonesecurity.model.PopulationCalibration;
import dev.apprentice.phonesecurity.model.PopulationModel;
import dev.apprentice.phonesecurity.model.PopulationRef;
import java.util.List;

/**
 * The imitation method on the verification protocol, enrolling exactly as the service does: the
 * population model learned from the background pool, then per owner the behaviour policy, the
 * discriminator against generated people and their fusion, scored as {@link ImitationScore} says.
 */
public final class ImitationMethod implements VerificationMethod {

    private final ImitationScore score;
    private final ImitationSettings settings;

    /** The method with the service's default settings. */
    public ImitationMethod(ImitationScore score) {
        this(score, ImitationSettings.defaults());
    }

    /** The method with explicit settings. */
    public ImitationMethod(ImitationScore score, ImitationSettings settings) {
        this.score = score;
        this.settings = settings;
    }

    @Override
    public String name() {
        return score.methodName();
    }

    @Override
    public Enroller prepare(List<FeatureSample> background, long seed) {
        PopulationModel population = PopulationModel.fit(background, settings.shrinkage())
                .withLevels(PopulationCalibration.measure(background, settings, seed));
        OwnerEnrolment enrolment = new OwnerEnrolment(population, new PopulationRef("protocol", 0, ""), settings);
        return (owner, enrolSeed) -> {
            OwnerModel model = enrolment.enrol(owner, enrolSeed);
            FusedScore fused = model.fused();
            return sample -> {
                double[] y = population.project(sample.activity(), sample.features());
                return switch (score) {
                    case POLICY -> fused.policyScore(y);
                    case DISCRIMINATOR -> fused.discriminatorScore(y);
                    case FUSED -> fused.score(y);
                };
            };
        };
    }
}
