package dev.apprentice.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule is broken on purpose in an otherwise valid rendering, and the checker must say so. */
class ProjectRulesTest {

    private static String devYaml;
    private static String prodYaml;
    private static String ingestReplicasYaml;
    private final ManifestParser parser = new ManifestParser();

    @BeforeAll
    static void render() {
        Kustomize kustomize = Kustomize.find();
        devYaml = kustomize.render(Overlays.overlay("dev"));
        prodYaml = kustomize.render(Overlays.overlay("prod"));
        ingestReplicasYaml = kustomize.render(Overlays.overlay("prod-ingest-replicas"));
    }

    private List<String> devProblemsAfter(Consumer<Manifests> change) {
        Manifests manifests = parser.parse(devYaml);
        change.accept(manifests);
        return Overlays.rules("dev").check(manifests);
    }

    private List<String> ingestReplicasProblemsAfter(Consumer<Manifests> change) {
        Manifests manifests = parser.parse(ingestReplicasYaml);
        change.accept(manifests);
        return Overlays.rules("prod-ingest-replicas").check(manifests);
    }

    private static Container statefulSetContainer(Manifests manifests, String statefulSet) {
        return manifests.find(StatefulSet.class, statefulSet).orElseThrow().getSpec().getTemplate().getSpec()
                .getContainers().get(0);
    }

    /** Replaces the container's variable (value or valueFrom) by a literal value. */
    private static void setVariable(Container container, String name, String value) {
        container.getEnv().removeIf(v -> v.getName().equals(name));
        container.getEnv().add(new EnvVar(name, value, null));
    }

    private static void assertReported(List<String> problems, String... fragments) {
        boolean found = problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains));
        assertTrue(found, "expected a problem mentioning " + List.of(fragments) + ", got " + problems);
    }

    private static Container firstContainer(Manifests manifests, String deployment) {
        return manifests.find(Deployment.class, deployment).orElseThrow().getSpec().getTemplate().getSpec()
                .getContainers().get(0);
    }

    @Test
    void refusesAFieldTheModelDoesNotDeclare() {
        String misspelt = devYaml.replaceFirst("readinessProbe:", "readynessProbe:");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse(misspelt));

        assertTrue(e.getMessage().contains("readynessProbe"), e.getMessage());
    }

    @Test
    void refusesAnUnknownFieldInACustomResource() {
        String misspelt = devYaml.replaceFirst("topicName:", "topicname:");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse(misspelt));

        assertTrue(e.getMessage().contains("topicname"), e.getMessage());
    }

    @Test
    void refusesAKindItHasNoModelFor() {
        String withJob = devYaml + "\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: train-once\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse(withJob));

        assertTrue(e.getMessage().contains("no model for apiVersion batch/v1 kind Job"), e.getMessage());
    }

    @Test
    void reportsAContainerWithoutLimits() {
        List<String> problems = devProblemsAfter(m -> firstContainer(m, "phone-security").getResources().setLimits(null));

        assertReported(problems, "Deployment/phone-security container service", "no cpu in resources.limits");
        assertReported(problems, "Deployment/phone-security container service", "no memory in resources.limits");
    }

    @Test
    void reportsAProbeOutsideTheHealthEndpoints() {
        List<String> problems = devProblemsAfter(m -> firstContainer(m, "driving-lane-change").getLivenessProbe()
                .getHttpGet().setPath("/"));

        assertReported(problems, "Deployment/driving-lane-change", "liveness at /, expected /q/health/live");
    }

    @Test
    void reportsAMissingReadinessProbe() {
        List<String> problems = devProblemsAfter(m -> firstContainer(m, "anesthesia-ppf-rftn").setReadinessProbe(null));

        assertReported(problems, "Deployment/anesthesia-ppf-rftn", "no HTTP readiness probe");
    }

    @Test
    void reportsAMissingSecret() {
        Manifests manifests = parser.parse(devYaml).without(Secret.class, "phone-security-master-key");

        List<String> problems = Overlays.rules("dev").check(manifests);

        assertReported(problems, "StatefulSet/phone-security-training", "Secret phone-security-master-key");
    }

    @Test
    void reportsAMissingConfigMap() {
        Manifests manifests = parser.parse(devYaml).without(io.fabric8.kubernetes.api.model.ConfigMap.class,
                "starcraft-replay-config");

        assertReported(Overlays.rules("dev").check(manifests), "ConfigMap starcraft-replay-config");
    }

    @Test
    void reportsAMissingPolicyTopicAndAnUncompactedOne() {
        Manifests missing = parser.parse(devYaml).without(KafkaTopic.class, "starcraft-defeat-roaches.policies");
        List<String> uncompacted = devProblemsAfter(m -> m.find(KafkaTopic.class, "lane-change.policies").orElseThrow()
                .getSpec().getConfig().remove("cleanup.policy"));

        assertReported(Overlays.rules("dev").check(missing), "starcraft-defeat-roaches.policies has no KafkaTopic");
        assertReported(uncompacted, "lane-change.policies is not compacted");
    }

    @Test
    void reportsATopicWithTooFewReplicasOrInSyncReplicas() {
        List<String> problems = devProblemsAfter(m -> {
            KafkaTopic topic = m.find(KafkaTopic.class, "phone-security.behaviour").orElseThrow();
            topic.getSpec().setReplicas(1);
            topic.getSpec().getConfig().put("min.insync.replicas", 1);
        });

        assertReported(problems, "phone-security.behaviour has 1 replicas, expected 3");
        assertReported(problems, "phone-security.behaviour has min.insync.replicas 1");
    }

    @Test
    void reportsAKafkaClusterThatIsNotThreeReplicatedNodes() {
        List<String> problems = devProblemsAfter(m -> {
            m.of(KafkaNodePool.class).get(0).getSpec().setReplicas(1);
            m.of(Kafka.class).get(0).getSpec().getKafka().getConfig().put("min.insync.replicas", 1);
        });

        assertReported(problems, "1 controllers and 1 brokers");
        assertReported(problems, "min.insync.replicas=1, expected 2");
    }

    @Test
    void reportsADeploymentWithoutBudgetOrAutoscaler() {
        Manifests manifests = parser.parse(devYaml).without(PodDisruptionBudget.class, "phone-security")
                .without(HorizontalPodAutoscaler.class, "phone-security");

        List<String> problems = Overlays.rules("dev").check(manifests);

        assertReported(problems, "Deployment/phone-security has no PodDisruptionBudget");
        assertReported(problems, "Deployment/phone-security has no HorizontalPodAutoscaler");
    }

    @Test
    void reportsASelectorThatMissesItsPods() {
        List<String> problems = devProblemsAfter(m -> m.find(Deployment.class, "starcraft-replay").orElseThrow()
                .getSpec().getSelector().getMatchLabels().put("app.kubernetes.io/component", "servng"));

        assertReported(problems, "Deployment/starcraft-replay selects");
    }

    @Test
    void reportsASecondIngestingReplica() {
        List<String> problems = devProblemsAfter(m -> m.find(StatefulSet.class, "anesthesia-ppf-rftn-training")
                .orElseThrow().getSpec().setReplicas(2));

        assertReported(problems, "anesthesia-ppf-rftn-training runs 2 replicas");
    }

    @Test
    void reportsAnIngestingReplicaSetWithALiteralTransactionalId() {
        List<String> problems = ingestReplicasProblemsAfter(m -> setVariable(statefulSetContainer(m,
                "driving-lane-change-ingest"), "APPRENTICE_KAFKA_TRANSACTIONAL_ID", "lane-change-ingest-1"));

        assertReported(problems, "StatefulSet/driving-lane-change-ingest's APPRENTICE_KAFKA_TRANSACTIONAL_ID is the"
                + " literal lane-change-ingest-1", "metadata.name");
    }

    @Test
    void reportsAnIngestingReplicaSetWithoutATransactionalId() {
        List<String> problems = ingestReplicasProblemsAfter(m -> statefulSetContainer(m, "driving-lane-change-ingest")
                .getEnv().removeIf(v -> v.getName().equals("APPRENTICE_KAFKA_TRANSACTIONAL_ID")));

        assertReported(problems, "driving-lane-change-ingest's", "the default lane-change-ingest-0, the training replica's");
    }

    @Test
    void reportsAPeerListThatMissesAnIngestingReplica() {
        List<String> problems = ingestReplicasProblemsAfter(m -> setVariable(statefulSetContainer(m,
                "driving-lane-change-training"), "APPRENTICE_STORAGE_PEER_STORE_DIRECTORIES",
                "/shared/stores/driving-lane-change-ingest-0"));

        assertReported(problems, "StatefulSet/driving-lane-change-training does not list"
                + " /shared/stores/driving-lane-change-ingest-1, the store of driving-lane-change-ingest-1");
    }

    @Test
    void reportsIngestingReplicasScaledUpWithoutThePeerList() {
        List<String> problems = ingestReplicasProblemsAfter(m -> m.find(StatefulSet.class, "driving-lane-change-ingest")
                .orElseThrow().getSpec().setReplicas(3));

        assertReported(problems, "does not list /shared/stores/driving-lane-change-ingest-2");
    }

    @Test
    void reportsAnIngestingReplicaThatTrains() {
        List<String> problems = ingestReplicasProblemsAfter(m -> setVariable(statefulSetContainer(m,
                "driving-lane-change-ingest"), "APPRENTICE_TRAINING_ENABLED", "true"));

        assertReported(problems, "driving-lane-change must have exactly one training workload",
                "StatefulSet/driving-lane-change-training", "StatefulSet/driving-lane-change-ingest");
    }

    @Test
    void reportsIngestingReplicasThatShareOneStoreDirectory() {
        List<String> problems = ingestReplicasProblemsAfter(m -> setVariable(statefulSetContainer(m,
                "driving-lane-change-ingest"), "APPRENTICE_STORAGE_STORE_DIRECTORY", "/shared/stores/ingest"));

        assertReported(problems, "StatefulSet/driving-lane-change-ingest keeps its store at /shared/stores/ingest",
                "does not depend on the pod name");
    }

    @Test
    void reportsATrainingReplicaThatDoesNotMountTheStores() {
        List<String> problems = ingestReplicasProblemsAfter(m -> statefulSetContainer(m, "driving-lane-change-training")
                .getVolumeMounts().removeIf(v -> v.getName().equals("stores")));

        assertReported(problems, "StatefulSet/driving-lane-change-training does not mount PersistentVolumeClaim"
                + " driving-lane-change-stores");
    }

    @Test
    void reportsStoresOnAClaimThatIsNotReadWriteMany() {
        List<String> problems = ingestReplicasProblemsAfter(m -> m.find(PersistentVolumeClaim.class,
                "driving-lane-change-stores").orElseThrow().getSpec().setAccessModes(List.of("ReadWriteOnce")));

        assertReported(problems, "PersistentVolumeClaim/driving-lane-change-stores", "must be ReadWriteMany");
    }

    @Test
    void reportsAnIngestingReplicaInAnotherConsumerGroup() {
        List<String> problems = ingestReplicasProblemsAfter(m -> setVariable(statefulSetContainer(m,
                "driving-lane-change-ingest"), "APPRENTICE_KAFKA_GROUP_ID", "lane-change-other"));

        assertReported(problems, "APPRENTICE_KAFKA_GROUP_ID=lane-change-other", "one consumer group");
    }

    @Test
    void reportsIngestingPodsLabelledLikeTheTrainingPod() {
        List<String> problems = ingestReplicasProblemsAfter(m -> m.find(StatefulSet.class, "driving-lane-change-ingest")
                .orElseThrow().getSpec().getTemplate().getMetadata().getLabels()
                .put("app.kubernetes.io/component", "training"));

        assertReported(problems, "Service/driving-lane-change-training selects", "which the pods of",
                "StatefulSet/driving-lane-change-training", "StatefulSet/driving-lane-change-ingest");
    }

    @Test
    void reportsAServingDeploymentThatIngests() {
        List<String> problems = devProblemsAfter(m -> setVariable(firstContainer(m, "anesthesia-ppf-rftn"),
                "APPRENTICE_KAFKA_INGEST", "true"));

        assertReported(problems, "Deployment/anesthesia-ppf-rftn ingests");
    }

    @Test
    void reportsLatestOrMissingImageTagsInProd() {
        Manifests prod = parser.parse(prodYaml);
        firstContainer(prod, "driving-lane-change").setImage("registry.example.com/apprentice/driving-lane-change:latest");
        firstContainer(prod, "phone-security").setImage("registry.example.com:5000/apprentice/phone-security");

        List<String> problems = Overlays.rules("prod").check(prod);

        assertReported(problems, "driving-lane-change:latest without a fixed tag");
        assertReported(problems, "registry.example.com:5000/apprentice/phone-security without a fixed tag");
    }

    @Test
    void prodWithoutTheUserSecretsDeclaredIsReported() {
        List<String> problems = new ProjectRules(Overlays.repositoryRoot(), java.util.Map.of(), true)
                .check(parser.parse(prodYaml));

        assertReported(problems, "Secret apprentice-api-keys, which no manifest defines");
    }

    @Test
    void aValidRenderingHasNoProblems() {
        assertEquals(List.of(), devProblemsAfter(m -> { }));
    }
}
