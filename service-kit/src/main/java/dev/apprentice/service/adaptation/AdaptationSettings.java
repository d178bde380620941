package dev.apprentice.service.adaptation;

import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.algorithms.meta.FewShotAdaptation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an adapted model's card records as its configuration: the inner-loop settings and the
 * meta-model version it started from.
 *
 * @param adaptation the steps and step size
 * @param metaModel the meta-model's registry name
 * @param metaModelVersion the meta-model's version
 */
record AdaptationSettings(FewShotAdaptation adaptation, String metaModel, int metaModelVersion) implements TrainerConfig {

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(adaptation.toMap());
        m.put("metaModel", metaModel);
        m.put("metaModelVersion", metaModelVersion);
        return m;
    }

    /** Adaptation is deterministic: full-batch steps from the meta-model's parameters. */
    @Override
    public long seed() {
        return 0;
    }
}
