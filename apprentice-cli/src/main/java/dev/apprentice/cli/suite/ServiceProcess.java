package dev.apprentice.cli.suite;

import dev.apprentice.cli.suite.Readiness.ServedPolicy;
import dev.apprentice.cli.suite.ServiceStatus.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One service's child process and what the watcher has learned about it, kept apart from the
 * launcher's loop so that the page renders from a consistent {@link ServiceStatus}.
 */
final class ServiceProcess {

    private final SuiteService service;
    private final Path log;
    private Process process;
    private Readiness readiness;
    private boolean answering;
    private Double firstPolicySeconds;
    private final Map<String, String> described = new HashMap<>();
    private long rssBytes;
    private long peakRssBytes;
    private Integer exitCode;

    ServiceProcess(SuiteService service, Path log) {
        this.service = service;
        this.log = log;
    }

    SuiteService service() {
        return service;
    }

    Path log() {
        return log;
    }

    synchronized void started(Process started) {
        process = started;
    }

    synchronized Process process() {
        return process;
    }

    /** Whether the child is still running. */
    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Records the exit once; returns true the first time the watcher sees it. */
    synchronized boolean exited() {
        if (process == null || process.isAlive() || exitCode != null) {
            return false;
        }
        exitCode = process.exitValue();
        rssBytes = 0;
        return true;
    }

    synchronized Integer exitCode() {
        return exitCode;
    }

    /** Records that HTTP answers; returns true the first time. */
    synchronized boolean answering() {
        boolean first = !answering;
        answering = true;
        return first;
    }

    /**
     * Records a readiness reading; returns the console lines it is worth (a domain's first learned
     * policy or a newly promoted version, every domain serving).
     */
    synchronized List<String> readiness(Readiness reading, double seconds) {
        readiness = reading;
        List<String> news = new ArrayList<>();
        for (ServedPolicy p : reading.policies()) {
            if (!p.serving()) {
                continue;
            }
            String now = p.describe();
            String before = described.put(p.domain(), now);
            if (before == null) {
                news.add("serving " + now + " (first learned policy), "
                        + String.format(Locale.ROOT, "%.0f s", seconds) + " after the suite started");
            } else if (!before.equals(now) && p.version() > 0) {
                news.add("now serving " + now);
            }
        }
        if (firstPolicySeconds == null && reading.servingAll()) {
            firstPolicySeconds = seconds;
            if (service.multiDomain()) {
                news.add("all " + service.domains().size() + " domains serve learned policies, "
                        + String.format(Locale.ROOT, "%.0f s", seconds) + " after the suite started");
            }
        }
        return news;
    }

    synchronized Double firstPolicySeconds() {
        return firstPolicySeconds;
    }

    synchronized void memory(long bytes) {
        rssBytes = bytes;
        peakRssBytes = Math.max(peakRssBytes, bytes);
    }

    synchronized long rssBytes() {
        return rssBytes;
    }

    synchronized long peakRssBytes() {
        return peakRssBytes;
    }

    synchronized ServiceStatus status(boolean stopping) {
        Phase phase;
        if (exitCode != null) {
            phase = Phase.EXITED;
        } else if (stopping) {
            phase = Phase.STOPPING;
        } else if (!answering || readiness == null) {
            phase = Phase.STARTING;
        } else if (!readiness.problems().isEmpty()) {
            phase = Phase.DEGRADED;
        } else if (readiness.up() && readiness.servingAll()) {
            phase = Phase.SERVING;
        } else {
            phase = Phase.LEARNING;
        }
        return new ServiceStatus(service.name(), service.url(), process == null ? 0 : process.pid(), phase, exitCode,
                log.toString(), readiness == null ? List.of() : readiness.policies(),
                readiness == null ? List.of() : readiness.problems(), firstPolicySeconds, rssBytes, peakRssBytes,
                service.heap());
    }
}
