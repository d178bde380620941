package dev.apprentice.service;

import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real single-node KRaft broker on a free loopback port and fresh directories for the kit's {@code @QuarkusTest}s. */
public class KitKafkaResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options());
        try {
            Path data = Files.createTempDirectory("service-kit-test-");
            return Map.of("apprentice.kafka.bootstrap-servers", broker.bootstrapServers(),
                    "apprentice.storage.store-directory", data.resolve("store").toString(),
                    "apprentice.storage.registry-directory", data.resolve("registry").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
