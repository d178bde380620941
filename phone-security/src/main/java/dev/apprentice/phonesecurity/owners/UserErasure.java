package dev.apprentice.phonesecurity.owners;

import dev.apprentice.il.store.StoreErasure;
import dev.apprentice.phonesecurity.privacy.UserDataKeys;
import dev.apprentice.phonesecurity.rest.Answers;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.security.SubjectKeys;
import dev.apprentice.service.serving.PolicyServing;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Deletes a user: their data key first (so that none of their records on the topic, already
 * there or still arriving, can be opened again: crypto-shredding), then their API keys, their
 * stored behaviour and every version of their model and of their few-shot policy. The population
 * model keeps only aggregate statistics over at least {@code minPopulationPeople} people and is not
 * changed (see README).
 */
@ApplicationScoped
public class UserErasure {

    private final UserDataKeys dataKeys;
    private final SubjectKeys subjectKeys;
    private final DemonstrationIngestion ingestion;
    private final PolicyServing policies;
    private final FewShotRegistry fewShot;

    public UserErasure(UserDataKeys dataKeys, SubjectKeys subjectKeys, DemonstrationIngestion ingestion,
            PolicyServing policies, FewShotRegistry fewShot) {
        this.dataKeys = dataKeys;
        this.subjectKeys = subjectKeys;
        this.ingestion = ingestion;
        this.policies = policies;
        this.fewShot = fewShot;
    }

    /** Erases everything the service holds about one user; erasing an unknown user erases nothing and says so. */
    public synchronized Answers.Erasure erase(String userId) {
        boolean destroyed = dataKeys.destroy(userId);
        int keys = subjectKeys.revoke(userId);
        StoreErasure stored = ingestion.eraseSources(Set.of(userId));
        int versions = policies.forget(OwnerModelNames.owner(userId)) + fewShot.forget(OwnerModelNames.fewShot(userId));
        Log.infof("erased a user: data key destroyed %s, %d API keys, %d stored samples, %d model versions", destroyed,
                keys, stored.steps(), versions);
        return new Answers.Erasure(userId, keys, destroyed, stored.steps(), stored.episodes(), versions);
    }
}
