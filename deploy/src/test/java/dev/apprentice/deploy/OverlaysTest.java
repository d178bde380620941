package dev.apprentice.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.EphemeralStorage;
import io.strimzi.api.kafka.model.kafka.PersistentClaimStorage;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay renders, parses strictly and follows the project's rules; dev and prod differ as documented,
 * and prod-ingest-replicas is prod plus further ingesting replicas.
 */
class OverlaysTest {

    private static final ManifestParser PARSER = new ManifestParser();

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    /** Each overlay rendered and parsed once for the whole class (the tests only read it). */
    private static Manifests render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> PARSER.parse(Kustomize.find().render(Overlays.overlay(o))));
    }

    static List<String> overlays() {
        return Overlays.all();
    }

    @Test
    void everyShippedOverlayIsChecked() {
        assertTrue(Overlays.all().containsAll(List.of("dev", "prod", "prod-ingest-replicas")), "found " + Overlays.all());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayRendersParsesStrictlyAndFollowsTheProjectRules(String overlay) {
        // given / when: kubectl kustomize, then every document into its typed model (unknown fields fail)
        Manifests manifests = render(overlay);

        // then
        assertEquals(Set.of(), Set.copyOf(Overlays.rules(overlay).check(manifests)), overlay + " breaks rules");
        assertFalse(manifests.of(KafkaTopic.class).isEmpty());
    }

    @Test
    void devRunsKafkaOnEphemeralStorageAndProdOnPersistentClaims() {
        KafkaNodePool dev = render("dev").of(KafkaNodePool.class).get(0);
        KafkaNodePool prod = render("prod").of(KafkaNodePool.class).get(0);

        assertTrue(dev.getSpec().getStorage() instanceof EphemeralStorage, "dev storage " + dev.getSpec().getStorage());
        assertTrue(prod.getSpec().getStorage() instanceof PersistentClaimStorage, "prod storage "
                + prod.getSpec().getStorage());
    }

    @Test
    void devServesWithOneReplicaAndProdWithSeveral() {
        for (Deployment d : render("dev").of(Deployment.class)) {
            assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName());
        }
        for (Deployment d : render("prod").of(Deployment.class)) {
            assertTrue(d.getSpec().getReplicas() >= 3, d.getMetadata().getName());
        }
    }

    @Test
    void devSecretsAreMarkedPlaceholdersWithTheKeysProdAsksTheUserFor() {
        Manifests dev = render("dev");
        Manifests prod = render("prod");

        assertTrue(prod.of(Secret.class).isEmpty(), "prod must not ship a Secret");
        for (var expected : Overlays.PROD_USER_SECRETS.entrySet()) {
            Secret secret = dev.find(Secret.class, expected.getKey()).orElseThrow();
            assertEquals(expected.getValue(), Set.copyOf(secret.getStringData().keySet()), expected.getKey());
            assertTrue(secret.getMetadata().getAnnotations().containsKey("apprentice.dev/placeholder"));
        }
        Secret keys = dev.find(Secret.class, "apprentice-api-keys").orElseThrow();
        String metricsKey = keys.getStringData().get("metrics-key");
        assertTrue(Set.of(keys.getStringData().get("decision-keys").split(",")).contains(metricsKey),
                "the scraper's key must be a decision key");
        assertTrue(keys.getStringData().values().stream().allMatch(k -> k.length() >= 16));
    }

    @Test
    void prodIngestReplicasIsProdPlusTwoIngestingReplicasWhoseStoresTheTrainingReplicaReads() {
        Manifests prod = render("prod");
        Manifests replicas = render("prod-ingest-replicas");
        String training = "driving-lane-change-training";

        // everything of prod is there unchanged, except the training replica, which gains the peer stores
        for (HasMetadata resource : prod.all()) {
            HasMetadata counterpart = replicas.find(resource.getClass(), resource.getMetadata().getName()).orElseThrow();
            if (!(resource instanceof StatefulSet && resource.getMetadata().getName().equals(training))) {
                assertEquals(resource, counterpart, resource.getKind() + "/" + resource.getMetadata().getName());
            }
        }
        Set<String> added = new HashSet<>();
        for (HasMetadata resource : replicas.all()) {
            if (prod.find(resource.getClass(), resource.getMetadata().getName()).isEmpty()) {
                added.add(resource.getKind() + "/" + resource.getMetadata().getName());
            }
        }
        assertEquals(Set.of("PersistentVolumeClaim/driving-lane-change-stores", "StatefulSet/driving-lane-change-ingest",
                "Service/driving-lane-change-ingest", "PodDisruptionBudget/driving-lane-change-ingest"), added);

        StatefulSet ingest = replicas.find(StatefulSet.class, "driving-lane-change-ingest").orElseThrow();
        assertEquals(2, ingest.getSpec().getReplicas());
        assertEquals("Parallel", ingest.getSpec().getPodManagementPolicy());
        assertEquals(List.of("ReadWriteMany"), replicas.find(PersistentVolumeClaim.class, "driving-lane-change-stores")
                .orElseThrow().getSpec().getAccessModes());
        assertEquals(1, replicas.find(PodDisruptionBudget.class, "driving-lane-change-ingest").orElseThrow().getSpec()
                .getMaxUnavailable().getIntVal());
        assertEquals("None", replicas.find(Service.class, "driving-lane-change-ingest").orElseThrow().getSpec()
                .getClusterIP());
        List<EnvVar> trainingEnv = replicas.find(StatefulSet.class, training).orElseThrow().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getEnv();
        assertTrue(trainingEnv.stream().anyMatch(v -> v.getName().equals("APPRENTICE_STORAGE_PEER_STORE_DIRECTORIES")
                && v.getValue().equals("/shared/stores/driving-lane-change-ingest-0,/shared/stores/driving-lane-change-ingest-1")),
                "peer stores in " + trainingEnv);
    }

    @Test
    void readmeTellsTheUserToCreateEveryProdSecret() throws IOException {
        String readme = Files.readString(Overlays.repositoryRoot().resolve("deploy/README.md"));
        for (var secret : Overlays.PROD_USER_SECRETS.entrySet()) {
            assertTrue(readme.contains("create secret generic " + secret.getKey()), secret.getKey());
            for (String key : secret.getValue()) {
                assertTrue(readme.contains("--from-literal=" + key + "="), secret.getKey() + " " + key);
            }
        }
    }

    @Test
    void everyDomainTheTestKnowsIsOneItsServiceNamesAndPortsMatchTheProperties() throws IOException {
        for (SuiteService service : SuiteService.ALL) {
            var properties = service.properties(Overlays.repositoryRoot());
            assertEquals(service.name(), properties.getProperty("quarkus.application.name"));
            assertEquals(String.valueOf(service.port()), properties.getProperty("quarkus.http.port"));
            Set<String> names = new HashSet<>();
            Pattern literal = Pattern.compile("\"([a-z0-9-]+)\"");
            try (var files = Files.walk(Overlays.repositoryRoot().resolve(service.name()).resolve("src/main/java"))) {
                for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
            // Domains composed in code (starcraft-<minigame>) are named in the service's README.
            Matcher quoted = Pattern.compile("`([a-z0-9-]+)`").matcher(Files.readString(
                    Overlays.repositoryRoot().resolve(service.name()).resolve("README.md")));
            while (quoted.find()) {
                names.add(quoted.group(1));
            }
            for (String domain : service.domains()) {
                assertTrue(names.contains(domain), service.name() + " names no domain \"" + domain + "\"");
            }
        }
    }
}
