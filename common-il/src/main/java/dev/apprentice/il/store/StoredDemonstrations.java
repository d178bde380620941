package dev.apprentice.il.store;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Episodes read from a {@link DemonstrationStore} together with where they came from, so a model
 * card can state which store, query and Kafka offsets a policy learned from.
 *
 * @param store the store's directory
 * @param trajectories the episodes, ordered by start time, source and episode id; they keep the
 *     final states and whether each episode terminated, which {@code demonstrations} drops
 * @param demonstrations the same episodes as the columnar set trainers read
 * @param provenance per topic partition, the offsets of the records used, sorted by topic and
 *     partition
 * @param query the query that chose them
 * @param episodes how many episodes were read
 * @param incompleteSkipped matching episodes left out because steps or the terminal step were missing
 * @param invalidSkipped matching episodes left out because a state or action did not fit the spaces,
 *     or steps followed the terminal step
 * @param episodeIds which episode each trajectory is, in the same order
 */
public record StoredDemonstrations(Path store, List<Trajectory> trajectories, DemonstrationSet demonstrations,
        List<OffsetRange> provenance, StoreQuery query, int episodes, int incompleteSkipped, int invalidSkipped,
        List<EpisodeId> episodeIds) {

    public StoredDemonstrations {
        trajectories = List.copyOf(trajectories);
        episodeIds = List.copyOf(episodeIds);
        provenance = List.copyOf(provenance);
    }

    /**
     * The {@code data} section of a model card: store, query, offset ranges, episode and sample
     * counts.
     */
    public Map<String, Object> provenanceForModelCard() {
        List<Map<String, Object>> ranges = new ArrayList<>(provenance.size());
        for (OffsetRange range : provenance) {
            ranges.add(range.toMap());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("store", store.toString());
        m.put("query", query.toMap());
        m.put("ranges", ranges);
        m.put("episodes", episodes);
        m.put("samples", demonstrations.size());
        m.put("incompleteSkipped", incompleteSkipped);
        m.put("invalidSkipped", invalidSkipped);
        return m;
    }
}
