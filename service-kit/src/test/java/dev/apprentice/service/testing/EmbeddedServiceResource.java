package dev.apprentice.service.testing;

import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For any domain service's {@code @QuarkusTest}: a real single-node KRaft broker on a free loopback
 * port and fresh store, registry and state directories, handed to the kit's settings. Subclasses may
 * prepare the data directory (a store filled before start-up, say) in {@link #prepare}; a service
 * hosting several domains names them in {@link #domains()} and gets directories per domain.
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
            Map<String, String> config = new HashMap<>();
            config.put("apprentice.kafka.bootstrap-servers", broker.bootstrapServers());
            for (String dir : List.of("store", "registry", "state")) {
                if (domains().isEmpty()) {
                    config.put("apprentice.storage." + dir + "-directory", data.resolve(dir).toString());
                }
                for (String domain : domains()) {
                    config.put("apprentice.domains.\"" + domain + "\".storage." + dir + "-directory",
                            data.resolve(domain).resolve(dir).toString());
                }
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The domains of a service hosting several, each of which gets its own store, registry and state
     * under {@code <data>/<domain>/}; empty (the default) for a service of one domain.
     */
    protected List<String> domains() {
        return List.of();
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
