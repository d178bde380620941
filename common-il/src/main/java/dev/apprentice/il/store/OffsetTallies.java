package dev.apprentice.il.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per topic partition, the lowest and highest offset seen and how many: the store's provenance in Kafka terms. */
final class OffsetTallies {

    private record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {

        @Override
        public int compareTo(TopicPartition o) {
            int byTopic = topic.compareTo(o.topic);
            return byTopic != 0 ? byTopic : Integer.compare(partition, o.partition);
        }
    }

    private static final class Tally {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long count;
    }

    private final Map<TopicPartition, Tally> tallies = new TreeMap<>();
    private Tally lastTally;
    private String lastTopic;
    private int lastPartition;

    void add(String topic, int partition, long offset) {
        // Records arrive in runs from one partition: skip the map lookup while the run lasts.
        Tally t = lastTally;
        if (t == null || partition != lastPartition || !topic.equals(lastTopic)) {
            t = tallies.computeIfAbsent(new TopicPartition(topic, partition), k -> new Tally());
            lastTally = t;
            lastTopic = topic;
            lastPartition = partition;
        }
        t.first = Math.min(t.first, offset);
        t.last = Math.max(t.last, offset);
        t.count++;
    }

    /** The ranges, sorted by topic and partition. */
    List<OffsetRange> ranges() {
        List<OffsetRange> out = new ArrayList<>(tallies.size());
        for (Map.Entry<TopicPartition, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            out.add(new OffsetRange(e.getKey().topic(), e.getKey().partition(), t.first, t.last, t.count));
        }
        return out;
    }
}
