package dev.apprentice.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The project's rules for its Kubernetes manifests, each broken rule reported as one sentence naming the
 * resource: probes and resources on every container, references that resolve, disruption budgets and
 * autoscalers for serving, a replicated KRaft Kafka cluster, every topic the services name declared with
 * safe replication, one ingesting replica per service, pinned images where asked.
 */
public final class ProjectRules {

    /** Kafka versions the Strimzi 0.45.0 operator runs. */
    static final Set<String> STRIMZI_0_45_KAFKA_VERSIONS = Set.of("3.8.0", "3.8.1", "3.9.0");

    private final Path repositoryRoot;
    private final Map<String, Set<String>> externalSecrets;
    private final boolean pinnedImages;

    /**
     * @param repositoryRoot where the services' modules are (their packaged settings name topics)
     * @param externalSecrets Secrets the user creates outside the manifests, by name, with their keys
     * @param pinnedImages whether every image must carry a tag other than {@code latest}
     */
    public ProjectRules(Path repositoryRoot, Map<String, Set<String>> externalSecrets, boolean pinnedImages) {
        this.repositoryRoot = repositoryRoot;
        this.externalSecrets = Map.copyOf(externalSecrets);
        this.pinnedImages = pinnedImages;
    }

    /** Every broken rule; empty when the manifests follow them all. */
    public List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : workloads(manifests)) {
            checkContainers(workload, problems);
            checkReferences(manifests, workload, problems);
            checkSelector(workload, problems);
        }
        checkServices(manifests, problems);
        checkServingWorkloads(manifests, problems);
        checkKafka(manifests, problems);
        checkTopics(manifests, problems);
        checkServiceMonitors(manifests, problems);
        return problems;
    }

    /** A pod-owning resource with its pod template. */
    private record Workload(HasMetadata resource, LabelSelector selector, PodTemplateSpec template,
            Set<String> claimTemplates) {

        String describe() {
            return resource.getKind() + "/" + resource.getMetadata().getName();
        }

        PodSpec pod() {
            return template.getSpec();
        }
    }

    private static List<Workload> workloads(Manifests manifests) {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : manifests.of(Deployment.class)) {
            workloads.add(new Workload(d, d.getSpec().getSelector(), d.getSpec().getTemplate(), Set.of()));
        }
        for (StatefulSet s : manifests.of(StatefulSet.class)) {
            Set<String> claims = new HashSet<>();
            for (PersistentVolumeClaim claim : s.getSpec().getVolumeClaimTemplates()) {
                claims.add(claim.getMetadata().getName());
            }
            workloads.add(new Workload(s, s.getSpec().getSelector(), s.getSpec().getTemplate(), claims));
        }
        return workloads;
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        all.addAll(pod.getInitContainers());
        return all;
    }

    private void checkContainers(Workload workload, List<String> problems) {
        PodSpec pod = workload.pod();
        boolean podNonRoot = pod.getSecurityContext() != null
                && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
        for (Container container : containers(pod)) {
            String where = workload.describe() + " container " + container.getName();
            checkProbe(where, "readiness", container.getReadinessProbe(), "/q/health/ready", problems);
            checkProbe(where, "liveness", container.getLivenessProbe(), "/q/health/live", problems);
            ResourceRequirements resources = container.getResources();
            for (String kind : List.of("requests", "limits")) {
                Map<String, ?> amounts = resources == null ? null
                        : kind.equals("requests") ? resources.getRequests() : resources.getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    if (amounts == null || !amounts.containsKey(resource)) {
                        problems.add(where + " has no " + resource + " in resources." + kind);
                    }
                }
            }
            boolean containerNonRoot = container.getSecurityContext() != null
                    && Boolean.TRUE.equals(container.getSecurityContext().getRunAsNonRoot());
            if (!podNonRoot && !containerNonRoot) {
                problems.add(where + " may run as root: set securityContext.runAsNonRoot");
            }
            if (pinnedImages) {
                String image = Objects.requireNonNullElse(container.getImage(), "");
                String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
                if (!image.contains("@") && (!afterRegistry.contains(":") || afterRegistry.endsWith(":latest"))) {
                    problems.add(where + " uses image " + image + " without a fixed tag (latest or none)");
                }
            }
        }
    }

    private static void checkProbe(String where, String kind, Probe probe, String path, List<String> problems) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null) {
            problems.add(where + " has no HTTP " + kind + " probe (expected GET " + path + ")");
        } else if (!path.equals(get.getPath())) {
            problems.add(where + " probes " + kind + " at " + get.getPath() + ", expected " + path);
        }
    }

    private void checkReferences(Manifests manifests, Workload workload, List<String> problems) {
        String where = workload.describe();
        PodSpec pod = workload.pod();
        for (Container container : containers(pod)) {
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
                    requireConfigMap(manifests, where, source.getConfigMapRef().getName(), problems);
                }
                if (source.getSecretRef() != null && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
                    requireSecretKey(manifests, where, source.getSecretRef().getName(), null, problems);
                }
            }
            for (EnvVar variable : container.getEnv()) {
                if (variable.getValueFrom() == null) {
                    continue;
                }
                SecretKeySelector secret = variable.getValueFrom().getSecretKeyRef();
                if (secret != null && !Boolean.TRUE.equals(secret.getOptional())) {
                    requireSecretKey(manifests, where, secret.getName(), secret.getKey(), problems);
                }
                if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                    requireConfigMap(manifests, where, variable.getValueFrom().getConfigMapKeyRef().getName(), problems);
                }
            }
        }
        Set<String> volumes = new HashSet<>(workload.claimTemplates());
        for (Volume volume : pod.getVolumes()) {
            volumes.add(volume.getName());
            if (volume.getSecret() != null) {
                requireSecretKey(manifests, where, volume.getSecret().getSecretName(), null, problems);
            }
            if (volume.getConfigMap() != null) {
                requireConfigMap(manifests, where, volume.getConfigMap().getName(), problems);
            }
            if (volume.getPersistentVolumeClaim() != null
                    && manifests.find(PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName())
                            .isEmpty()) {
                problems.add(where + " mounts PersistentVolumeClaim " + volume.getPersistentVolumeClaim().getClaimName()
                        + ", which no manifest defines");
            }
        }
        for (Container container : containers(pod)) {
            container.getVolumeMounts().stream().filter(m -> !volumes.contains(m.getName())).forEach(m -> problems.add(
                    where + " container " + container.getName() + " mounts volume " + m.getName()
                            + ", which neither the pod nor a claim template defines"));
        }
    }

    private static void requireConfigMap(Manifests manifests, String where, String name, List<String> problems) {
        if (manifests.find(ConfigMap.class, name).isEmpty()) {
            problems.add(where + " references ConfigMap " + name + ", which no manifest defines");
        }
    }

    private void requireSecretKey(Manifests manifests, String where, String name, String key, List<String> problems) {
        Optional<Secret> secret = manifests.find(Secret.class, name);
        Set<String> keys;
        if (secret.isPresent()) {
            keys = new HashSet<>();
            keys.addAll(secret.get().getData().keySet());
            keys.addAll(secret.get().getStringData().keySet());
        } else if (externalSecrets.containsKey(name)) {
            keys = externalSecrets.get(name);
        } else {
            problems.add(where + " references Secret " + name + ", which no manifest defines and the user is not"
                    + " told to create");
            return;
        }
        if (key != null && !keys.contains(key)) {
            problems.add(where + " reads key " + key + " of Secret " + name + ", which has only " + keys);
        }
    }

    private static void checkSelector(Workload workload, List<String> problems) {
        Map<String, String> selector = workload.selector() == null ? null : workload.selector().getMatchLabels();
        Map<String, String> labels = workload.template().getMetadata() == null ? Map.of()
                : workload.template().getMetadata().getLabels();
        if (selector == null || selector.isEmpty()) {
            problems.add(workload.describe() + " has no spec.selector.matchLabels");
        } else if (!matches(selector, labels)) {
            problems.add(workload.describe() + " selects " + selector + " but its pods are labelled " + labels);
        }
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return labels != null && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static void checkServices(Manifests manifests, List<String> problems) {
        List<Workload> workloads = workloads(manifests);
        for (Service service : manifests.of(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                continue;
            }
            boolean selectsPods = workloads.stream().anyMatch(w -> w.template().getMetadata() != null
                    && matches(selector, w.template().getMetadata().getLabels()));
            if (!selectsPods) {
                problems.add("Service/" + service.getMetadata().getName() + " selects " + selector
                        + ", which no pod template carries");
            }
        }
    }

    private void checkServingWorkloads(Manifests manifests, List<String> problems) {
        for (Deployment deployment : manifests.of(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean budgeted = manifests.of(PodDisruptionBudget.class).stream().anyMatch(b -> b.getSpec().getSelector() != null
                    && b.getSpec().getSelector().getMatchLabels() != null
                    && matches(b.getSpec().getSelector().getMatchLabels(), labels));
            if (!budgeted) {
                problems.add("Deployment/" + name + " has no PodDisruptionBudget selecting its pods");
            }
            boolean scaled = manifests.of(HorizontalPodAutoscaler.class).stream().anyMatch(h -> "Deployment".equals(
                    h.getSpec().getScaleTargetRef().getKind()) && name.equals(h.getSpec().getScaleTargetRef().getName()));
            if (!scaled) {
                problems.add("Deployment/" + name + " has no HorizontalPodAutoscaler");
            }
        }
        for (SuiteService service : SuiteService.ALL) {
            List<Workload> ingesting = new ArrayList<>();
            List<Workload> serving = new ArrayList<>();
            for (Workload workload : workloads(manifests)) {
                for (Container container : workload.pod().getContainers()) {
                    if (!isServiceContainer(container, service)) {
                        continue;
                    }
                    String ingest = environment(manifests, container).getOrDefault("APPRENTICE_KAFKA_INGEST", "true");
                    (ingest.equals("false") ? serving : ingesting).add(workload);
                    checkContainerPort(workload, container, service, problems);
                }
            }
            if (serving.stream().noneMatch(w -> w.resource() instanceof Deployment)) {
                problems.add(service.name() + " has no serving Deployment (APPRENTICE_KAFKA_INGEST=false)");
            }
            if (ingesting.size() != 1 || !(ingesting.get(0).resource() instanceof StatefulSet set)) {
                problems.add(service.name() + " must have exactly one ingesting workload, a StatefulSet, found "
                        + ingesting.stream().map(Workload::describe).toList());
            } else if (!Integer.valueOf(1).equals(set.getSpec().getReplicas())) {
                problems.add(ingesting.get(0).describe() + " runs " + set.getSpec().getReplicas()
                        + " replicas; one model writer and one transactional id per domain allow exactly 1");
            } else if (set.getSpec().getVolumeClaimTemplates().isEmpty()) {
                problems.add(ingesting.get(0).describe() + " has no volume claim for its store, registry and state");
            }
        }
    }

    private static boolean isServiceContainer(Container container, SuiteService service) {
        String image = Objects.requireNonNullElse(container.getImage(), "");
        String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
            repository = repository.substring(0, colon);
        }
        return repository.endsWith("/" + service.name());
    }

    private static void checkContainerPort(Workload workload, Container container, SuiteService service,
            List<String> problems) {
        boolean listens = container.getPorts().stream().anyMatch(p -> p.getContainerPort() == service.port());
        if (!listens) {
            problems.add(workload.describe() + " does not expose " + service.name() + "'s port " + service.port());
        }
    }

    /** A container's environment as the service sees it: ConfigMaps of envFrom, then its own variables. */
    static Map<String, String> environment(Manifests manifests, Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                manifests.find(ConfigMap.class, source.getConfigMapRef().getName())
                        .ifPresent(c -> environment.putAll(c.getData()));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }

    private static void checkKafka(Manifests manifests, List<String> problems) {
        List<Kafka> clusters = manifests.of(Kafka.class);
        if (clusters.size() != 1) {
            problems.add("expected one Kafka cluster, found " + clusters.size());
            return;
        }
        Kafka kafka = clusters.get(0);
        String name = kafka.getMetadata().getName();
        Map<String, String> annotations = Objects.requireNonNullElse(kafka.getMetadata().getAnnotations(), Map.of());
        for (String annotation : List.of("strimzi.io/kraft", "strimzi.io/node-pools")) {
            if (!"enabled".equals(annotations.get(annotation))) {
                problems.add("Kafka/" + name + " lacks annotation " + annotation + ": enabled");
            }
        }
        if (!STRIMZI_0_45_KAFKA_VERSIONS.contains(kafka.getSpec().getKafka().getVersion())) {
            problems.add("Kafka/" + name + " asks for Kafka " + kafka.getSpec().getKafka().getVersion()
                    + ", which Strimzi 0.45.0 does not run " + STRIMZI_0_45_KAFKA_VERSIONS);
        }
        Map<String, Object> config = Objects.requireNonNullElse(kafka.getSpec().getKafka().getConfig(), Map.of());
        Map<String, Integer> required = Map.of("default.replication.factor", 3, "min.insync.replicas", 2,
                "offsets.topic.replication.factor", 3, "transaction.state.log.replication.factor", 3,
                "transaction.state.log.min.isr", 2);
        required.forEach((key, value) -> {
            Object actual = config.get(key);
            if (actual == null || !String.valueOf(value).equals(String.valueOf(actual))) {
                problems.add("Kafka/" + name + " sets " + key + "=" + actual + ", expected " + value);
            }
        });
        int controllers = 0;
        int brokers = 0;
        for (KafkaNodePool pool : manifests.of(KafkaNodePool.class)) {
            Map<String, String> labels = Objects.requireNonNullElse(pool.getMetadata().getLabels(), Map.of());
            if (!name.equals(labels.get("strimzi.io/cluster"))) {
                problems.add("KafkaNodePool/" + pool.getMetadata().getName() + " is not labelled strimzi.io/cluster="
                        + name);
                continue;
            }
            int replicas = pool.getSpec().getReplicas();
            controllers += pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER) ? replicas : 0;
            brokers += pool.getSpec().getRoles().contains(ProcessRoles.BROKER) ? replicas : 0;
        }
        if (controllers != 3 || brokers != 3) {
            problems.add("Kafka/" + name + " has " + controllers + " controllers and " + brokers
                    + " brokers in its node pools, expected 3 nodes that are both");
        }
    }

    private void checkTopics(Manifests manifests, List<String> problems) {
        Optional<Kafka> kafka = manifests.of(Kafka.class).stream().findFirst();
        if (kafka.isEmpty()) {
            return;
        }
        String cluster = kafka.get().getMetadata().getName();
        Map<String, KafkaTopic> declared = new HashMap<>();
        for (KafkaTopic topic : manifests.of(KafkaTopic.class)) {
            String name = Objects.requireNonNullElse(topic.getSpec().getTopicName(), topic.getMetadata().getName());
            declared.put(name, topic);
            Map<String, String> labels = Objects.requireNonNullElse(topic.getMetadata().getLabels(), Map.of());
            if (!cluster.equals(labels.get("strimzi.io/cluster"))) {
                problems.add("KafkaTopic/" + topic.getMetadata().getName() + " is not labelled strimzi.io/cluster="
                        + cluster + ": the topic operator ignores it");
            }
        }
        Object clusterMinIsr = kafka.get().getSpec().getKafka().getConfig().get("min.insync.replicas");
        Optional<GenericKafkaListener> plain = kafka.get().getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst();
        String bootstrap = cluster + "-kafka-bootstrap:" + plain.map(GenericKafkaListener::getPort).orElse(-1);
        for (SuiteService service : SuiteService.ALL) {
            Map<String, String> environment = ingestEnvironment(manifests, service);
            String configured = environment.get("APPRENTICE_KAFKA_BOOTSTRAP_SERVERS");
            if (!bootstrap.equals(configured)) {
                problems.add(service.name() + " connects to " + configured + ", expected the plain listener "
                        + bootstrap);
            }
            for (SuiteService.ServiceTopic expected : service.topics(repositoryRoot, environment)) {
                KafkaTopic topic = declared.get(expected.name());
                String what = service.name() + "'s " + expected.role().name().toLowerCase().replace('_', ' ')
                        + " topic " + expected.name();
                if (topic == null) {
                    problems.add(what + " has no KafkaTopic");
                    continue;
                }
                Map<String, Object> config = Objects.requireNonNullElse(topic.getSpec().getConfig(), Map.of());
                if (!Integer.valueOf(3).equals(topic.getSpec().getReplicas())) {
                    problems.add(what + " has " + topic.getSpec().getReplicas() + " replicas, expected 3");
                }
                Object minIsr = config.getOrDefault("min.insync.replicas", clusterMinIsr);
                if (minIsr == null || Integer.parseInt(String.valueOf(minIsr)) < 2) {
                    problems.add(what + " has min.insync.replicas " + minIsr + ", expected at least 2");
                }
                boolean compacted = String.valueOf(config.get("cleanup.policy")).contains("compact");
                if ((expected.role() == SuiteService.ServiceTopic.Role.POLICIES
                        || expected.role() == SuiteService.ServiceTopic.Role.LEDGER) && !compacted) {
                    problems.add(what + " is not compacted (cleanup.policy: compact)");
                }
            }
        }
    }

    private static Map<String, String> ingestEnvironment(Manifests manifests, SuiteService service) {
        for (StatefulSet set : manifests.of(StatefulSet.class)) {
            for (Container container : set.getSpec().getTemplate().getSpec().getContainers()) {
                if (isServiceContainer(container, service)) {
                    return environment(manifests, container);
                }
            }
        }
        return Map.of();
    }

    private void checkServiceMonitors(Manifests manifests, List<String> problems) {
        for (ServiceMonitor monitor : manifests.of(ServiceMonitor.class)) {
            String where = "ServiceMonitor/" + monitor.getMetadata().getName();
            Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
            List<Service> selected = manifests.of(Service.class).stream()
                    .filter(s -> matches(selector, s.getMetadata().getLabels())).toList();
            if (selected.isEmpty()) {
                problems.add(where + " selects no Service");
            }
            for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
                if (endpoint.getBearerTokenSecret() == null) {
                    problems.add(where + " scrapes without a key: /q/metrics needs a decision key");
                } else {
                    requireSecretKey(manifests, where, endpoint.getBearerTokenSecret().getName(),
                            endpoint.getBearerTokenSecret().getKey(), problems);
                }
                for (Service service : selected) {
                    boolean hasPort = service.getSpec().getPorts().stream().anyMatch(p -> Objects.equals(
                            p.getName(), endpoint.getPort()));
                    if (!hasPort) {
                        problems.add(where + " scrapes port " + endpoint.getPort() + ", which Service/"
                                + service.getMetadata().getName() + " does not name");
                    }
                }
            }
        }
    }
}
