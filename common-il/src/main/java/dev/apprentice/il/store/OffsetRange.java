package dev.apprentice.il.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The span of offsets taken from one topic partition, so provenance can be stated in Kafka's own
 * coordinates. Offsets inside the span need not all be present: {@code records} says how many are.
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
        if (records < 1 || records > lastOffset - firstOffset + 1) {
            throw new IllegalArgumentException("records: expected between 1 and " + (lastOffset - firstOffset + 1)
                    + " records in offsets [" + firstOffset + ", " + lastOffset + "], found " + records);
        }
    }

    /** This range as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", topic);
        m.put("partition", partition);
        m.put("firstOffset", firstOffset);
        m.put("lastOffset", lastOffset);
        m.put("records", records);
        return m;
    }
}
