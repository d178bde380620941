package dev.apprentice.il.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The span of offsets taken from one topic partition, so provenance can be stated in Kafka's own
 * coordinates. Offsets inside the span need not all be present: {@code records} says how many are.
 * A topic deleted and recreated (or an embedded broker whose data was temporary) numbers its
 * records from 0 again, so the store may hold more records than the span has offsets: then
 * {@link #offsetsReused()} is true, and the span covers every incarnation.
 *
 * @param topic the topic
 * @param partition the partition
 * @param firstOffset the lowest offset
 * @param lastOffset the highest offset
 * @param records how many records of the span were taken
 */
public record OffsetRange(String topic, int partition, long firstOffset, long lastOffset, long records) {

    public OffsetRange {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic: expected a topic name, found "
                    + (topic == null ? "null" : "'" + topic + "'"));
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition: expected a partition >= 0, found " + partition);
        }
        if (firstOffset < 0) {
            throw new IllegalArgumentException("firstOffset: expected an offset >= 0, found " + firstOffset);
        }
        if (lastOffset < firstOffset) {
            throw new IllegalArgumentException("lastOffset: expected an offset >= firstOffset " + firstOffset
                    + ", found " + lastOffset);
        }
        if (records < 1) {
            throw new IllegalArgumentException("records: expected at least 1 record in offsets [" + firstOffset + ", "
                    + lastOffset + "], found " + records);
        }
    }

    /** Whether more records came from this partition than its span has offsets: the topic's offsets were reused. */
    public boolean offsetsReused() {
        return records > lastOffset - firstOffset + 1;
    }

    /** This range as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", topic);
        m.put("partition", partition);
        m.put("firstOffset", firstOffset);
        m.put("lastOffset", lastOffset);
        m.put("records", records);
        if (offsetsReused()) {
            m.put("offsetsReused", true);
        }
        return m;
    }
}
