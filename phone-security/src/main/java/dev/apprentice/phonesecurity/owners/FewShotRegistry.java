package dev.apprentice.phonesecurity.owners;

import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.registry.LoadedPolicy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.service.config.DomainSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The registry of the few-shot models: the policy start ({@link OwnerModelNames#POLICY_START}) and
 * each owner's adapted policy ({@link OwnerModelNames#fewShot}). They act in the population's
 * coordinates (one constant state, the behaviour in population standard deviations), not on this
 * domain's observations and actions, so the kit's {@code PolicyServing}, which serves only
 * policies over the domain's spaces, must not hold them; here they are versioned, checksummed and
 * promoted like every policy, in a directory beside the domain's registry
 * ({@code <registry>-few-shot}). They live on this replica only: no decision is made with them.
 */
@ApplicationScoped
public class FewShotRegistry {

    private final PolicyRegistry registry;

    public FewShotRegistry(DomainSettings domain) {
        this.registry = new PolicyRegistry(directory(domain.registryDirectory()));
    }

    /** The directory beside the domain's registry, e.g. {@code .apprentice/phone-security/registry-few-shot}. */
    static Path directory(Path domainRegistry) {
        return domainRegistry.resolveSibling(domainRegistry.getFileName() + "-few-shot");
    }

    /** Registers a new version of {@code draft.model()} and promotes it; returns its card as stored. */
    public ModelCard registerAndPromote(MlpPolicy policy, ModelCard draft) {
        ModelCard card = registry.register(policy, draft);
        registry.promote(card.model(), card.version());
        return card;
    }

    /** The promoted version of a model, verified, if there is one. */
    public Optional<LoadedPolicy> promoted(String model) {
        return registry.loadPromoted(model);
    }

    /** Deletes every version of a model; returns how many there were (0 for a model it does not hold). */
    public int forget(String model) {
        return registry.delete(model);
    }
}
