package dev.apprentice.service.testing;

import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For any domain service's {@code @QuarkusTest}: a real single-node KRaft broker on a free loopback
 * port and fresh store, registry and state directories, handed to the kit's settings. Subclasses may
 * prepare the data directory (a store filled before start-up, say) in {@link #prepare}.
 */
public class EmbeddedServiceResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options());
        try {
            Path data = Files.createTempDirectory("apprentice-service-test-");
            prepare(data.resolve("store"), data.resolve("registry"));
            prepareState(data.resolve("state"));
            return Map.of("apprentice.kafka.bootstrap-servers", broker.bootstrapServers(),
                    "apprentice.storage.store-directory", data.resolve("store").toString(),
                    "apprentice.storage.registry-directory", data.resolve("registry").toString(),
                    "apprentice.storage.state-directory", data.resolve("state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Called before the service starts with its store and registry directories (neither exists yet). */
    protected void prepare(Path store, Path registry) throws IOException {
    }

    /** Called before the service starts with its state directory (which does not exist yet). */
    protected void prepareState(Path state) throws IOException {
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
