package dev.apprentice.il.store;

import java.util.List;
import java.util.Objects;

/**
 * A flush whose Kafka offsets are not yet known to be committed, recorded durably before its steps
 * are written, so that a replica which stored a batch but crashed (or lost its partitions) before
 * committing can take the steps back out: another replica will read those records again, and each
 * record must end up in exactly one store. Steps are recognised by the Kafka record they came from.
 *
 * @param id the caller's id for the batch (the ingester writes the same id into its commit)
 * @param firstSegment the lowest segment number the batch's steps can be in
 * @param spans the offsets the batch read, per topic partition
 */
public record UncommittedBatch(String id, int firstSegment, List<Span> spans) {

    public UncommittedBatch {
        if (id == null || id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("id: expected a batch id without spaces, found "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        if (firstSegment < 1) {
            throw new IllegalArgumentException("firstSegment: expected a segment number >= 1, found " + firstSegment);
        }
        spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
    }

    /** Whether the step read from this record belongs to the batch. */
    public boolean covers(String topic, int partition, long offset) {
        for (Span s : spans) {
            if (s.partition() == partition && s.firstOffset() <= offset && offset <= s.lastOffset()
                    && s.topic().equals(topic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The offsets read from one partition, first to last inclusive.
     *
     * @param topic the topic
     * @param partition the partition
     * @param firstOffset the first offset read
     * @param lastOffset the last offset read
     */
    public record Span(String topic, int partition, long firstOffset, long lastOffset) {

        public Span {
            if (topic == null || topic.isBlank() || topic.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("topic: expected a topic name, found "
                        + (topic == null ? "null" : "'" + topic + "'"));
            }
            if (partition < 0) {
                throw new IllegalArgumentException("partition: expected a partition >= 0, found " + partition);
            }
            if (firstOffset < 0 || lastOffset < firstOffset) {
                throw new IllegalArgumentException("offsets: expected 0 <= firstOffset <= lastOffset, found ["
                        + firstOffset + ", " + lastOffset + "]");
            }
        }
    }

    /** The durable form: one line per field, spaces between values. */
    String encode() {
        StringBuilder b = new StringBuilder("batch ").append(id).append('\n')
                .append("segment ").append(firstSegment).append('\n');
        for (Span s : spans) {
            b.append("span ").append(s.topic()).append(' ').append(s.partition()).append(' ').append(s.firstOffset())
                    .append(' ').append(s.lastOffset()).append('\n');
        }
        return b.toString();
    }

    /** Reads {@link #encode()}'s form; throws IllegalArgumentException naming the line that is wrong. */
    static UncommittedBatch decode(String text) {
        String id = null;
        int segment = 0;
        List<Span> spans = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(" ");
            try {
                switch (f[0]) {
                    case "batch" -> id = f[1];
                    case "segment" -> segment = Integer.parseInt(f[1]);
                    case "span" -> spans.add(new Span(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]),
                            Long.parseLong(f[4])));
                    default -> throw new IllegalArgumentException("unknown field");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line '" + line + "': " + e.getMessage(), e);
            }
        }
        return new UncommittedBatch(id, segment, spans);
    }
}
