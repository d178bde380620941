package dev.apprentice.il.store;

/**
 * The Kafka record a stored step came from, so a model card can name the exact offsets a policy
 * learned from.
 *
 * @param topic the topic it was read from
 * @param partition the partition, from 0
 * @param offset its offset in that partition, from 0
 */
public record RecordOrigin(String topic, int partition, long offset) {

    public RecordOrigin {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic: expected a topic name, found "
                    + (topic == null ? "null" : "'" + topic + "'"));
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition: expected a partition >= 0, found " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset: expected an offset >= 0, found " + offset);
        }
    }
}
