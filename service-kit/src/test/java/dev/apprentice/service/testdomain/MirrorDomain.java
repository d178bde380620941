package dev.apprentice.service.testdomain;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.ImitationDomain;
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
public class MirrorDomain implements ImitationDomain {

    /** The domain's name. */
    public static final String NAME = "mirror";

    private final IdentityDomain identity = new IdentityDomain(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "identity test domain, mirrored";
    }

    @Override
    public Box observationSpace() {
        return identity.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return identity.actionSpace();
    }

    @Override
    public ObservationEncoder encoder() {
        return identity.encoder();
    }

    @Override
    public ActionLabels actionLabels() {
        return identity.actionLabels();
    }

    @Override
    public DemonstrationRecords<?> records() {
        return identity.records();
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
