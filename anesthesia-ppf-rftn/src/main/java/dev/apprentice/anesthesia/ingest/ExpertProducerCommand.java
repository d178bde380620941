package dev.apprentice.anesthesia.ingest;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.service.ingest.ProduceCommand;

/**
 * {@code ./apprentice anesthesia produce --bootstrap-servers HOST:PORT [--expert pid|tci] [--episodes 10]
 * [--first-seed 0] [--topic anesthesia.demonstrations]}: simulated anaesthesiologists' cases published
 * to any cluster (the kit's {@link ProduceCommand}).
 */
public final class ExpertProducerCommand {

    private ExpertProducerCommand() {
    }

    public static void main(String[] args) {
        ProduceCommand.run(AnesthesiaDomain.withDefaults(), args);
    }
}
