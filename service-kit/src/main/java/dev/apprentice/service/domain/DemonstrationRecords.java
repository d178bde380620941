package dev.apprentice.service.domain;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.DemonstrationPublisher;
import org.apache.avro.specific.SpecificRecord;

/**
 * The edge between a domain's Avro record on the demonstrations topic and the core's
 * {@link ExpertStep}, so that nothing past ingestion handles generated classes.
 *
 * @param <R> the generated record class
 */
public interface DemonstrationRecords<R extends SpecificRecord> {

    /** The generated record class (its schema history lives under {@code avro-history/}). */
    Class<R> recordClass();

    /**
     * The step a record describes; the ingester dead-letters a record this rejects.
     *
     * @throws IllegalArgumentException naming the field when the record cannot be a step
     */
    ExpertStep toStep(R record);

    /** The record for a step, e.g. one a simulated expert just took. */
    R fromStep(ExpertStep step);

    /**
     * The Kafka key of a record ({@code source/episode}, so that an episode stays in one
     * partition). The default maps the record to a step; domains override it to read the two
     * fields directly.
     */
    default String episodeKey(R record) {
        ExpertStep step = toStep(record);
        return DemonstrationPublisher.episodeKey(step.source(), step.episode());
    }
}
