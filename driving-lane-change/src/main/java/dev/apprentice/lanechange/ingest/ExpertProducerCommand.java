package dev.apprentice.lanechange.ingest;

import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.service.ingest.ProduceCommand;

/**
 * {@code ./apprentice lane-change produce --bootstrap-servers HOST:PORT [--expert cautious|normal|assertive|driver-0…driver-63]
 * [--episodes 10] [--first-seed 0] [--topic lane-change.demonstrations] [--format avro-single-object]}:
 * simulated drivers published to any cluster (the kit's {@link ProduceCommand}).
 */
public final class ExpertProducerCommand {

    private ExpertProducerCommand() {
    }

    public static void main(String[] args) {
        ProduceCommand.run(new LaneChangeDomain(), args);
    }
}
