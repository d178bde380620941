package dev.apprentice.service.security;

import dev.apprentice.service.config.SecuritySettings;
import io.quarkus.vertx.http.security.HttpSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts the metrics, the OpenAPI document and Swagger UI behind a key when
 * {@code apprentice.security.operations-endpoints=key} (the default): they describe the service's
 * internals and load, which anonymous clients need not see. Health stays open for probes.
 */
@ApplicationScoped
public class OperationsEndpoints {

    private final SecuritySettings settings;
    private final String root;

    public OperationsEndpoints(SecuritySettings settings,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String root) {
        this.settings = settings;
        String trimmed = root.replaceAll("^/+|/+$", "");
        this.root = trimmed.isEmpty() ? "" : "/" + trimmed;
    }

    void permissions(@Observes HttpSecurity http) {
        if (settings.operationsEndpoints() == SecuritySettings.OperationsAccess.KEY) {
            http.path(root + "/metrics", root + "/metrics/*", root + "/openapi", root + "/openapi.json",
                    root + "/openapi.yaml", root + "/openapi.yml", root + "/openapi/*", root + "/swagger-ui",
                    root + "/swagger-ui/*").roles(Roles.DECISION);
        }
    }
}
