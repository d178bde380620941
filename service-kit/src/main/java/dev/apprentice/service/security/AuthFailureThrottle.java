package dev.apprentice.service.security;

import dev.apprentice.service.config.SecuritySettings;
import dev.apprentice.service.error.ApiErrors;
import dev.apprentice.service.error.TooManyFailedKeysException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Makes guessing keys expensive: counts wrong API keys per client address in a window that starts
 * at the address's first wrong key; once the address has presented {@code budget} wrong keys, every
 * key it presents (right or wrong, unchecked) is answered 429 with {@code Retry-After} until the
 * window ends. Requests without a key pass. Offending addresses are logged with their counts when
 * they reach the budget and when their window ends, never with a key. At most
 * {@code max-addresses} windows are kept (the least recently seen is forgotten), so many addresses
 * cannot exhaust memory.
 */
@ApplicationScoped
public class AuthFailureThrottle {

    /** Runs before authentication, so that a refused key is never checked. */
    static final int FILTER_PRIORITY = SecurityHandlerPriorities.AUTHENTICATION + 10;
    /** Offending addresses logged one by one per sweep; the others are summed up in one line. */
    static final int LOGGED_ADDRESSES = 20;

    private static final Logger LOG = Logger.getLogger(AuthFailureThrottle.class);

    /** One address's current window. */
    private static final class Window {
        final long start;
        int failures;
        int refused;

        Window(long start) {
            this.start = start;
        }
    }

    private final int budget;
    private final Duration window;
    private final long windowNanos;
    private final Map<String, Window> windows;

    public AuthFailureThrottle(SecuritySettings settings) {
        SecuritySettings.AuthFailures config = settings.authFailures();
        if (config.budget() < 1 || config.maxAddresses() < 1 || config.window().isNegative() || config.window().isZero()) {
            throw new IllegalArgumentException("apprentice.security.auth-failures: expected a budget and max-addresses of"
                    + " at least 1 and a positive window, found " + config.budget() + ", " + config.maxAddresses() + ", "
                    + config.window());
        }
        this.budget = config.budget();
        this.window = config.window();
        this.windowNanos = window.toNanos();
        int max = config.maxAddresses();
        this.windows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > max;
            }
        };
    }

    void registerFilter(@Observes Filters filters) {
        filters.register(this::refuseBlockedKeys, FILTER_PRIORITY);
    }

    void scheduleSweeps(@Observes StartupEvent start, Vertx vertx) {
        vertx.setPeriodic(Math.max(1, window.toMillis()), id -> sweep());
    }

    private void refuseBlockedKeys(RoutingContext context) {
        if (ApiKeyAuthenticationMechanism.presentedKey(context.request()) == null) {
            context.next();
            return;
        }
        long seconds = refusedForSeconds(address(context.request()));
        if (seconds == 0) {
            context.next();
            return;
        }
        TooManyFailedKeysException refusal = new TooManyFailedKeysException(seconds);
        context.response().putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        ApiErrors.send(context.response(), refusal);
    }

    /** The client address a request counts against: the connection's peer (not a forwarded-for header). */
    static String address(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        return peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
    }

    /** Records a wrong key presented from an address. */
    synchronized void failed(String address) {
        long now = System.nanoTime();
        Window w = current(address, now);
        if (w == null) {
            w = new Window(now);
            windows.put(address, w);
        }
        w.failures++;
        if (w.failures == budget) {
            LOG.warnf("%s presented %d wrong API keys within %s of its first; its keys are answered 429 until then",
                    address, w.failures, window);
        }
    }

    /** Seconds until keys from this address are checked again (at least 1), or 0 when they are checked now. */
    synchronized long refusedForSeconds(String address) {
        long now = System.nanoTime();
        Window w = current(address, now);
        if (w == null || w.failures < budget) {
            return 0;
        }
        w.refused++;
        return Math.max(1, (w.start + windowNanos - now + 999_999_999L) / 1_000_000_000L);
    }

    /** The address's window if it is still open; an ended one is reported and forgotten. */
    private Window current(String address, long now) {
        Window w = windows.get(address);
        if (w != null && now - w.start >= windowNanos) {
            windows.remove(address);
            report(List.of(Map.entry(address, w)));
            return null;
        }
        return w;
    }

    /** Forgets every ended window and logs the offenders among them. */
    void sweep() {
        List<Map.Entry<String, Window>> ended = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Window> e = it.next();
                if (now - e.getValue().start >= windowNanos) {
                    ended.add(e);
                    it.remove();
                }
            }
        }
        report(ended);
    }

    private void report(List<Map.Entry<String, Window>> ended) {
        int offenders = 0;
        long attempts = 0;
        for (Map.Entry<String, Window> e : ended) {
            Window w = e.getValue();
            if (w.failures < budget) {
                continue;
            }
            offenders++;
            attempts += w.failures + w.refused;
            if (offenders <= LOGGED_ADDRESSES) {
                LOG.warnf("%s presented %d API keys in %s: %d wrong, %d refused with 429 (budget %d)", e.getKey(),
                        w.failures + w.refused, window, w.failures, w.refused, budget);
            }
        }
        if (offenders > LOGGED_ADDRESSES) {
            LOG.warnf("%d more addresses exceeded the wrong-key budget; %d API keys from all %d offenders in this sweep",
                    offenders - LOGGED_ADDRESSES, attempts, offenders);
        }
    }
}
