package dev.apprentice.service.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Body limits per kind of JSON endpoint ({@code apprentice.http.*}); {@code quarkus.http.limits.max-body-size}
 * stays the outer limit of every path.
 */
@ConfigMapping(prefix = "apprentice.http")
public interface HttpSettings {

    /** The limits. */
    BodyLimits bodyLimit();

    /** Largest body per kind of endpoint. */
    interface BodyLimits {

        /** One decision request. */
        @WithDefault("64K")
        MemorySize decision();

        /** A batch of decision requests. */
        @WithDefault("2M")
        MemorySize batch();

        /** Training jobs, expert runs and every other JSON endpoint. */
        @WithDefault("8K")
        MemorySize command();

        /** An uploaded file ({@code @BodyLimit(BodyKind.FILE)}, {@code application/octet-stream}). */
        @WithDefault("8M")
        MemorySize file();
    }
}
