package dev.apprentice.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads rendered YAML into typed fabric8 and Strimzi models, refusing what the models do not know: a kind
 * without a model and any field a model does not declare, including those its {@code additionalProperties}
 * map would otherwise swallow silently.
 */
public final class ManifestParser {

    private static final Map<String, Class<? extends HasMetadata>> MODELS = new TreeMap<>(Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class)));

    /** The property getters of each model class, looked up once. */
    private static final ClassValue<List<Method>> GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> getters = new ArrayList<>();
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                        && method.getName().startsWith("get") && isModel(method.getDeclaringClass())) {
                    getters.add(method);
                }
            }
            return List.copyOf(getters);
        }
    };

    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /**
     * Every document of {@code yaml} as its model.
     *
     * @throws IllegalArgumentException naming the document and the field or kind that has no model
     */
    public Manifests parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        int index = 0;
        try (MappingIterator<JsonNode> documents = mapper.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                index++;
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                resources.add(parse(document, index));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("document " + (index + 1) + " is not YAML: " + e.getMessage(), e);
        }
        return new Manifests(resources);
    }

    private HasMetadata parse(JsonNode document, int index) {
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        String name = document.path("metadata").path("name").asText("");
        String what = "document " + index + " (" + kind + "/" + name + ")";
        Class<? extends HasMetadata> model = MODELS.get(apiVersion + "/" + kind);
        if (model == null) {
            throw new IllegalArgumentException(what + ": no model for apiVersion " + apiVersion + " kind " + kind
                    + "; the checker knows " + MODELS.keySet());
        }
        HasMetadata resource;
        try {
            resource = mapper.treeToValue(document, model);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " does not fit " + model.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(resource, kind, unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(what + " has fields " + model.getSimpleName()
                    + " does not declare: " + String.join("; ", unknown));
        }
        return resource;
    }

    /** Walks the model's properties and reports every non-empty {@code additionalProperties} map by its path. */
    private static void collectUnknownFields(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> collectUnknownFields(entry, path + "." + key, found, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Method getter : GETTERS.get(value.getClass())) {
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": " + extra.keySet());
                }
                continue;
            }
            String name = getter.getName().substring(3);
            collectUnknownFields(property, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1),
                    found, seen);
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }
}
