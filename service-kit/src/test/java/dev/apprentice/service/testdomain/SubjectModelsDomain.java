package dev.apprentice.service.testdomain;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.ImitationDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The kit's test domain for a service without a shared policy, as a domain that trains one model
 * per subject through its own endpoints plugs in: the identity task's name, spaces, encoder and
 * records, and no decision codec, training recipes, evaluation or simulator. A test profile selects
 * it in place of {@link IdentityDomain}.
 */
@Alternative
@ApplicationScoped
public class SubjectModelsDomain implements ImitationDomain {

    private final IdentityDomain identity = new IdentityDomain();

    @Override
    public String name() {
        return identity.name();
    }

    @Override
    public String title() {
        return "identity test domain with a model per subject";
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
}
