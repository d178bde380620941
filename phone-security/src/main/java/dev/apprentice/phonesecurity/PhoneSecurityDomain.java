package dev.apprentice.phonesecurity;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.il.stream.DemonstrationValidator;
import dev.apprentice.phonesecurity.behaviour.BehaviourContext;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import dev.apprentice.phonesecurity.mapping.BehaviourRecords;
import dev.apprentice.phonesecurity.privacy.BehaviourSealing;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.ImitationDomain;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Behaviour-based phone authentication on the service kit. The kit ingests the sealed behaviour
 * stream, keeps the registry (one population model and one model per owner) and serves it; this
 * domain trains no shared policy and makes no generic decisions: owners are enrolled and sessions
 * judged through its own endpoints.
 */
@ApplicationScoped
public class PhoneSecurityDomain implements ImitationDomain {

    private final BehaviourRecords records;
    private final ContextEncoder encoder = new ContextEncoder();
    private final Box behaviour = Box.unbounded(BehaviourLayout.FEATURES);

    public PhoneSecurityDomain(BehaviourSealing sealing) {
        this.records = new BehaviourRecords(sealing);
    }

    @Override
    public String name() {
        return BehaviourRecords.DOMAIN;
    }

    @Override
    public String title() {
        return "behaviour-based phone authentication";
    }

    @Override
    public Box observationSpace() {
        return BehaviourContext.space();
    }

    /**
     * The behaviour, in the population model's coordinates as far as served models are concerned
     * (hence unbounded); raw samples are checked against {@link BehaviourLayout}'s ranges by the
     * record mapping and by {@link #validator()}.
     */
    @Override
    public Space actionSpace() {
        return behaviour;
    }

    @Override
    public ObservationEncoder encoder() {
        return encoder;
    }

    @Override
    public ActionLabels actionLabels() {
        List<String> names = new ArrayList<>(BehaviourLayout.FEATURES);
        List<String> units = new ArrayList<>(BehaviourLayout.FEATURES);
        for (int i = 0; i < BehaviourLayout.FEATURES; i++) {
            names.add(BehaviourLayout.featureName(i));
            units.add(i < BehaviourLayout.TOUCH ? "ms" : "");
        }
        return ActionLabels.continuous(names, units);
    }

    @Override
    public DemonstrationRecords<?> records() {
        return records;
    }

    @Override
    public DemonstrationValidator validator() {
        return new DemonstrationValidator(name(), observationSpace(), BehaviourLayout.space(), limits().ingest());
    }
}
