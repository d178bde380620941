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
import io.fabric8.kubernetes.api.model.VolumeMount;
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
import java.util.Comparator;
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
 * safe replication, one training replica per service and further ingesting replicas whose stores it
 * reads, selectors that pick one workload's pods, pinned images where asked.
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
        checkServiceWorkloads(manifests, problems);
        checkSelectorsPickOneWorkload(manifests, problems);
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
    }

    /** One of a service's containers in a workload, with the environment it runs with. */
    private record ServiceContainer(Workload workload, Container container, Map<String, String> environment) {

        boolean ingests() {
            return !"false".equals(environment.getOrDefault("APPRENTICE_KAFKA_INGEST", "true"));
        }

        boolean trains() {
            return ingests() && !"false".equals(environment.getOrDefault("APPRENTICE_TRAINING_ENABLED", "true"));
        }

        String describe() {
            return workload.describe();
        }
    }

    private static List<ServiceContainer> serviceContainers(Manifests manifests, SuiteService service) {
        List<ServiceContainer> found = new ArrayList<>();
        for (Workload workload : workloads(manifests)) {
            for (Container container : workload.pod().getContainers()) {
                if (isServiceContainer(container, service)) {
                    found.add(new ServiceContainer(workload, container, environment(manifests, container)));
                }
            }
        }
        return found;
    }

    /**
     * Per service: a serving Deployment that does not ingest, exactly one training StatefulSet of one
     * replica, and any number of further ingesting StatefulSets whose stores the training replica reads.
     */
    private static void checkServiceWorkloads(Manifests manifests, List<String> problems) {
        for (SuiteService service : SuiteService.ALL) {
            List<ServiceContainer> serving = new ArrayList<>();
            List<ServiceContainer> training = new ArrayList<>();
            List<ServiceContainer> furtherIngest = new ArrayList<>();
            for (ServiceContainer c : serviceContainers(manifests, service)) {
                checkContainerPort(c.workload(), c.container(), service, problems);
                if (c.ingests() && c.workload().resource() instanceof Deployment) {
                    problems.add(c.describe() + " ingests (APPRENTICE_KAFKA_INGEST is not false): a Deployment serves"
                            + " only; ingesting replicas are StatefulSets, each with its own transactional id and store");
                }
                (c.trains() ? training : c.ingests() ? furtherIngest : serving).add(c);
            }
            if (serving.stream().noneMatch(c -> c.workload().resource() instanceof Deployment)) {
                problems.add(service.name() + " has no serving Deployment (APPRENTICE_KAFKA_INGEST=false)");
            }
            ServiceContainer trainer = checkTraining(service, training, problems);
            for (ServiceContainer ingest : furtherIngest) {
                checkFurtherIngest(manifests, service, ingest, trainer, problems);
            }
        }
    }

    /** The service's one training workload; null, and reported, unless there is exactly one StatefulSet. */
    private static ServiceContainer checkTraining(SuiteService service, List<ServiceContainer> training,
            List<String> problems) {
        if (training.size() != 1 || !(training.get(0).workload().resource() instanceof StatefulSet set)) {
            problems.add(service.name() + " must have exactly one training workload, a StatefulSet that ingests with"
                    + " APPRENTICE_TRAINING_ENABLED not false, found "
                    + training.stream().map(ServiceContainer::describe).toList()
                    + "; further ingesting replicas set APPRENTICE_TRAINING_ENABLED=false");
            return null;
        }
        ServiceContainer trainer = training.get(0);
        if (!Integer.valueOf(1).equals(set.getSpec().getReplicas())) {
            problems.add(trainer.describe() + " runs " + set.getSpec().getReplicas() + " replicas; each model has one"
                    + " writer, so the training workload allows exactly 1 (spread ingest over a further StatefulSet"
                    + " with APPRENTICE_TRAINING_ENABLED=false)");
        } else if (set.getSpec().getVolumeClaimTemplates().isEmpty()) {
            problems.add(trainer.describe() + " has no volume claim for its store, registry and state");
        }
        return trainer;
    }

    /**
     * A further ingesting replica set: its own transactional id and store per pod, in the training
     * replica's group, on a ReadWriteMany claim the training replica mounts, every pod's store in the
     * training replica's peer list.
     */
    private static void checkFurtherIngest(Manifests manifests, SuiteService service, ServiceContainer ingest,
            ServiceContainer trainer, List<String> problems) {
        String where = ingest.describe();
        if (!(ingest.workload().resource() instanceof StatefulSet set)) {
            return;
        }
        if (service.domains().size() > 1) {
            problems.add(where + " ingests for " + service.name() + ", whose " + service.domains().size()
                    + " domains need per-domain transactional ids and stores (APPRENTICE_DOMAINS__<NAME>__*);"
                    + " these rules know further ingesting replicas of one-domain services only");
            return;
        }
        checkTransactionalId(service, ingest, problems);
        if (trainer != null) {
            for (String key : List.of("APPRENTICE_KAFKA_BOOTSTRAP_SERVERS", "APPRENTICE_KAFKA_TOPIC",
                    "APPRENTICE_KAFKA_GROUP_ID")) {
                String own = ingest.environment().get(key);
                String training = trainer.environment().get(key);
                if (!Objects.equals(own, training)) {
                    problems.add(where + " sets " + key + "=" + own + ", " + trainer.describe() + " " + training
                            + ": the ingesting replicas must share one consumer group on one topic");
                }
            }
        }
        Optional<PodStore> store = podStore(ingest, problems);
        if (store.isEmpty()) {
            return;
        }
        String directory = store.get().directory();
        Optional<VolumeMount> mount = mountHolding(ingest.container(), directory);
        Optional<String> claim = mount.flatMap(m -> claimOf(ingest.workload(), m.getName()));
        if (claim.isEmpty()) {
            problems.add(where + " keeps its store at " + directory + ", on no PersistentVolumeClaim: the stores must"
                    + " outlive the pods and be read by the training replica");
            return;
        }
        manifests.find(PersistentVolumeClaim.class, claim.get()).map(c -> c.getSpec().getAccessModes())
                .filter(modes -> !modes.contains("ReadWriteMany"))
                .ifPresent(modes -> problems.add("PersistentVolumeClaim/" + claim.get() + " holds the stores of "
                        + where + ", which the training replica reads too, but is " + modes
                        + ": pods on several nodes mount it, so it must be ReadWriteMany"));
        if (trainer == null) {
            return;
        }
        String inClaim = join(mount.get().getSubPath(), directory.substring(mount.get().getMountPath().length()));
        Optional<String> seenByTraining = trainingPath(trainer, claim.get(), inClaim);
        if (seenByTraining.isEmpty()) {
            problems.add(trainer.describe() + " does not mount PersistentVolumeClaim " + claim.get()
                    + ", which holds the stores of " + where + ": training cannot read them");
            return;
        }
        Set<String> peers = new HashSet<>();
        for (String peer : trainer.environment().getOrDefault("APPRENTICE_STORAGE_PEER_STORE_DIRECTORIES", "")
                .split(",")) {
            peers.add(join(peer.strip(), ""));
        }
        int replicas = Objects.requireNonNullElse(set.getSpec().getReplicas(), 1);
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            String pod = set.getMetadata().getName() + "-" + ordinal;
            String expected = new PodStore(seenByTraining.get(), store.get().variable()).of(pod);
            if (!peers.contains(expected)) {
                problems.add(trainer.describe() + " does not list " + expected + ", the store of " + pod
                        + ", in APPRENTICE_STORAGE_PEER_STORE_DIRECTORIES: training would leave out what that"
                        + " replica ingests");
            }
        }
    }

    private static void checkTransactionalId(SuiteService service, ServiceContainer ingest, List<String> problems) {
        String key = "APPRENTICE_KAFKA_TRANSACTIONAL_ID";
        Optional<EnvVar> own = ingest.container().getEnv().stream().filter(v -> key.equals(v.getName()))
                .reduce((first, last) -> last);
        if (own.isPresent() && isPodName(own.get())) {
            return;
        }
        String found;
        if (own.isPresent()) {
            found = own.get().getValue() != null ? "the literal " + own.get().getValue() : "not its pod name";
        } else if (ingest.environment().containsKey(key)) {
            found = "the literal " + ingest.environment().get(key) + " from its ConfigMap";
        } else {
            found = "the default " + service.domains().get(0) + "-ingest-0, the training replica's";
        }
        problems.add(ingest.describe() + "'s " + key + " is " + found + ": each ingesting replica needs its own,"
                + " its pod name (valueFrom.fieldRef.fieldPath: metadata.name), or they fence each other's"
                + " transactions and share one static group membership");
    }

    /** Whether the variable holds the pod's name (the downward API's metadata.name). */
    private static boolean isPodName(EnvVar variable) {
        return variable.getValueFrom() != null && variable.getValueFrom().getFieldRef() != null
                && "metadata.name".equals(variable.getValueFrom().getFieldRef().getFieldPath());
    }

    /**
     * A store directory that names its pod: {@code $(variable)}, which Kubernetes replaces by the pod name.
     *
     * @param directory the directory as written, e.g. {@code /shared/stores/$(POD_NAME)}
     * @param variable an environment variable from metadata.name, defined before the directory
     */
    private record PodStore(String directory, String variable) {

        String of(String pod) {
            return directory.replace("$(" + variable + ")", pod);
        }
    }

    /** The container's store directory if it depends on the pod name; empty, and reported, if not. */
    private static Optional<PodStore> podStore(ServiceContainer ingest, List<String> problems) {
        String key = "APPRENTICE_STORAGE_STORE_DIRECTORY";
        Set<String> podNameVariables = new HashSet<>();
        PodStore store = null;
        for (EnvVar variable : ingest.container().getEnv()) {
            if (isPodName(variable)) {
                podNameVariables.add(variable.getName());
            }
            if (key.equals(variable.getName())) {
                String directory = Objects.requireNonNullElse(variable.getValue(), "");
                store = podNameVariables.stream().filter(v -> directory.contains("$(" + v + ")")).findFirst()
                        .map(v -> new PodStore(directory, v)).orElse(null);
            }
        }
        if (store == null) {
            problems.add(ingest.describe() + " keeps its store at " + ingest.environment().get(key) + ", which does"
                    + " not depend on the pod name: each ingesting replica needs a store of its own, e.g."
                    + " /shared/stores/$(POD_NAME) with POD_NAME from metadata.name defined before it");
        }
        return Optional.ofNullable(store);
    }

    /** The container's mount that holds {@code path}: the longest mount path it lies under. */
    private static Optional<VolumeMount> mountHolding(Container container, String path) {
        return container.getVolumeMounts().stream()
                .filter(m -> path.equals(m.getMountPath()) || path.startsWith(join(m.getMountPath(), "") + "/"))
                .max(Comparator.comparingInt(m -> m.getMountPath().length()));
    }

    private static Optional<String> claimOf(Workload workload, String volume) {
        return workload.pod().getVolumes().stream()
                .filter(v -> v.getName().equals(volume) && v.getPersistentVolumeClaim() != null)
                .map(v -> v.getPersistentVolumeClaim().getClaimName()).findFirst();
    }

    /** Where the training container sees {@code inClaim}, a path inside {@code claim}, if it mounts it. */
    private static Optional<String> trainingPath(ServiceContainer trainer, String claim, String inClaim) {
        Set<String> volumes = new HashSet<>();
        for (Volume volume : trainer.workload().pod().getVolumes()) {
            if (volume.getPersistentVolumeClaim() != null
                    && claim.equals(volume.getPersistentVolumeClaim().getClaimName())) {
                volumes.add(volume.getName());
            }
        }
        for (VolumeMount mount : trainer.container().getVolumeMounts()) {
            String subPath = join(mount.getSubPath(), "");
            if (!volumes.contains(mount.getName())) {
                continue;
            }
            if (subPath.isEmpty()) {
                return Optional.of(join(mount.getMountPath(), inClaim));
            }
            if (inClaim.equals(subPath) || inClaim.startsWith(subPath + "/")) {
                return Optional.of(join(mount.getMountPath(), inClaim.substring(subPath.length())));
            }
        }
        return Optional.empty();
    }

    /** {@code base/rest} with one slash between them and none at the end; either may be null or empty. */
    private static String join(String base, String rest) {
        String head = Objects.requireNonNullElse(base, "").replaceAll("/+$", "");
        String tail = Objects.requireNonNullElse(rest, "").replaceAll("^/+", "").replaceAll("/+$", "");
        return tail.isEmpty() ? head : head.isEmpty() ? tail : head + "/" + tail;
    }

    /** Each workload, Service and disruption budget selects the pods of one workload, never another's too. */
    private static void checkSelectorsPickOneWorkload(Manifests manifests, List<String> problems) {
        List<Workload> workloads = workloads(manifests);
        Map<String, Map<String, String>> selectors = new LinkedHashMap<>();
        for (Workload workload : workloads) {
            if (workload.selector() != null && workload.selector().getMatchLabels() != null) {
                selectors.put(workload.describe(), workload.selector().getMatchLabels());
            }
        }
        for (Service service : manifests.of(Service.class)) {
            if (service.getSpec().getSelector() != null) {
                selectors.put("Service/" + service.getMetadata().getName(), service.getSpec().getSelector());
            }
        }
        for (PodDisruptionBudget budget : manifests.of(PodDisruptionBudget.class)) {
            if (budget.getSpec().getSelector() != null && budget.getSpec().getSelector().getMatchLabels() != null) {
                selectors.put("PodDisruptionBudget/" + budget.getMetadata().getName(),
                        budget.getSpec().getSelector().getMatchLabels());
            }
        }
        selectors.forEach((owner, selector) -> {
            if (selector.isEmpty()) {
                return;
            }
            List<String> selected = workloads.stream().filter(w -> w.template().getMetadata() != null
                    && matches(selector, w.template().getMetadata().getLabels())).map(Workload::describe).toList();
            if (selected.size() > 1) {
                problems.add(owner + " selects " + selector + ", which the pods of " + selected + " all carry: give"
                        + " each workload's pods a label of their own (app.kubernetes.io/component)");
            }
        });
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

    /** The environment of the service's training container, whose topics and broker every replica shares. */
    private static Map<String, String> ingestEnvironment(Manifests manifests, SuiteService service) {
        List<ServiceContainer> containers = serviceContainers(manifests, service);
        return containers.stream().filter(ServiceContainer::trains).findFirst()
                .or(() -> containers.stream().filter(ServiceContainer::ingests).findFirst())
                .map(ServiceContainer::environment).orElse(Map.of());
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
