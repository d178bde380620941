package dev.apprentice.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The typed resources of one rendered overlay, looked up by model and name. */
public final class Manifests {

    private final List<HasMetadata> resources;

    /** Wraps {@code resources}; the list is copied so the checks see a fixed set. */
    public Manifests(List<HasMetadata> resources) {
        this.resources = new ArrayList<>(resources);
    }

    /** Every resource, in document order. */
    public List<HasMetadata> all() {
        return List.copyOf(resources);
    }

    /** The resources of one model. */
    public <T extends HasMetadata> List<T> of(Class<T> model) {
        return resources.stream().filter(model::isInstance).map(model::cast).toList();
    }

    /** The resource of this model and name, if any. */
    public <T extends HasMetadata> Optional<T> find(Class<T> model, String name) {
        return of(model).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    /** A copy without the resource of this model and name (for tests that break a valid set on purpose). */
    public Manifests without(Class<? extends HasMetadata> model, String name) {
        List<HasMetadata> kept = new ArrayList<>(resources);
        kept.removeIf(r -> model.isInstance(r) && name.equals(r.getMetadata().getName()));
        return new Manifests(kept);
    }
}
