package dev.apprentice.service.testdomain;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.ImitationDomain;

/**
 * The part every test domain built on the identity task shares: its spaces, encoder, labels and records
 * come from an {@link IdentityDomain}; subclasses say what else they offer.
 */
abstract class IdentityBasedDomain implements ImitationDomain {
    /** The identity task this domain is built on. */
    final IdentityDomain identity;

    IdentityBasedDomain(IdentityDomain identity) {
        this.identity = identity;
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
