package dev.apprentice.service.testdomain;

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
public class SubjectModelsDomain extends IdentityBasedDomain {

    /** The identity task under its own name. */
    public SubjectModelsDomain() {
        super(new IdentityDomain());
    }

    @Override
    public String name() {
        return identity.name();
    }

    @Override
    public String title() {
        return "identity test domain with a model per subject";
    }
}
