package dev.apprentice.cli.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service's {@code /q/health/ready} says, read once per poll: whether it is ready, which
 * learned policy each domain serves (the kit's {@code policy} checks carry model, version and
 * algorithm) and which checks are down. Readiness is public, so the suite needs no key to show it.
 *
 * @param up the overall status
 * @param policies one entry per hosted domain, in the service's domain order
 * @param problems the checks that are down other than "no policy yet", as {@code name: detail}
 */
public record Readiness(boolean up, List<ServedPolicy> policies, List<String> problems) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Readiness {
        policies = List.copyOf(policies);
        problems = List.copyOf(problems);
    }

    /**
     * What one domain serves.
     *
     * @param domain the domain
     * @param model the served model id, or null when none (or when the domain serves one model per subject)
     * @param version the served version, 0 when none
     * @param algorithm the served version's algorithm, or null
     * @param servedModels models served, for a domain without a shared policy (one per subject); else 0 or 1
     */
    public record ServedPolicy(String domain, String model, int version, String algorithm, int servedModels) {

        /** Whether a learned policy is served: a promoted version, or at least one subject's model. */
        public boolean serving() {
            return version > 0 || servedModels > 0;
        }

        /** {@code lane-change v2 (rail)}, {@code 41 models}, or {@code none yet}. */
        public String describe() {
            if (version > 0) {
                return model + " v" + version + (algorithm == null ? "" : " (" + algorithm + ")");
            }
            return servedModels > 0 ? servedModels + (servedModels == 1 ? " model" : " models") : "none yet";
        }
    }

    /** Whether every domain serves a learned policy. */
    public boolean servingAll() {
        return !policies.isEmpty() && policies.stream().allMatch(ServedPolicy::serving);
    }

    /**
     * Reads a readiness document (the body of a 200 or a 503).
     *
     * @param body the JSON body
     * @param service the service it came from, which names the domains
     * @throws IllegalArgumentException when the body is not a health document
     */
    public static Readiness parse(String body, SuiteService service) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(service.name() + " readiness: expected a JSON health document, found '"
                    + abbreviate(body) + "'");
        }
        if (root == null || !root.path("status").isTextual() || !root.path("checks").isArray()) {
            throw new IllegalArgumentException(service.name() + " readiness: expected {\"status\", \"checks\"}, found '"
                    + abbreviate(body) + "'");
        }
        List<ServedPolicy> policies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String domain : service.domains()) {
            String name = service.multiDomain() ? "policy-" + domain : "policy";
            JsonNode data = find(root.path("checks"), name).path("data");
            policies.add(new ServedPolicy(domain, data.path("model").isTextual() ? data.path("model").asText() : null,
                    data.path("version").asInt(0), data.path("algorithm").isTextual() ? data.path("algorithm").asText() : null,
                    data.path("servedModels").asInt(data.path("version").asInt(0) > 0 ? 1 : 0)));
        }
        for (JsonNode check : root.path("checks")) {
            String name = check.path("name").asText();
            if (check.path("status").asText().equals("UP") || name.startsWith("policy")) {
                continue;
            }
            JsonNode data = check.path("data");
            String detail = data.path("state").asText("down") + (data.path("cause").isTextual()
                    ? " (" + data.path("cause").asText() + ")" : "");
            problems.add(name + ": " + detail);
        }
        return new Readiness(root.path("status").asText().equals("UP"), policies, problems);
    }

    private static JsonNode find(JsonNode checks, String name) {
        for (JsonNode check : checks) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        return JSON.missingNode();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
