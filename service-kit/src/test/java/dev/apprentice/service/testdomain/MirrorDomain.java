package dev.apprentice.service.testdomain;

import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.TrainingRecipes;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A second hosted domain for the kit's multi-domain tests: the identity task under the name
 * {@code mirror}, with its own topics, directories, jobs and metrics. Hosted only when
 * {@code apprentice.test.mirror-domain=true} (a test profile sets it); never an alternative, which
 * would replace {@link IdentityDomain} rather than join it.
 */
@SecondDomain
@ApplicationScoped
@LookupIfProperty(name = "apprentice.test.mirror-domain", stringValue = "true")
public class MirrorDomain extends IdentityBasedDomain {

    /** The domain's name. */
    public static final String NAME = "mirror";

    /** The identity task under the name {@value #NAME}. */
    public MirrorDomain() {
        super(new IdentityDomain(NAME));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "identity test domain, mirrored";
    }

    @Override
    public Optional<DecisionCodec> decisions() {
        return identity.decisions();
    }

    @Override
    public Optional<TrainingRecipes> training() {
        return identity.training();
    }

    @Override
    public Optional<DomainEvaluation> evaluation() {
        return identity.evaluation();
    }

    @Override
    public Optional<ExpertSimulation> simulation() {
        return identity.simulation();
    }
}
