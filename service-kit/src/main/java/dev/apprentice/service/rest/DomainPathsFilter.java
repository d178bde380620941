package dev.apprentice.service.rest;

import dev.apprentice.service.hosting.DomainRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Lists the kit's endpoints in the OpenAPI document once per hosted domain, as clients call them:
 * {@code /api/v1/{domain}/decisions} becomes {@code /api/v1/lane-change/decisions}, without the
 * {@code domain} parameter. The domains are known only when the application runs, so the filter
 * runs at start-up.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class DomainPathsFilter implements OASFilter {

    private static final String SEGMENT = "{domain}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<String> names = Arc.container().instance(DomainRegistry.class).get().names();
        Map<String, PathItem> items = new LinkedHashMap<>(openAPI.getPaths().getPathItems());
        for (Map.Entry<String, PathItem> item : items.entrySet()) {
            if (!item.getKey().contains("/" + SEGMENT + "/")) {
                continue;
            }
            openAPI.getPaths().removePathItem(item.getKey());
            PathItem expanded = withoutDomainParameter(item.getValue());
            for (String name : names) {
                openAPI.getPaths().addPathItem(item.getKey().replace(SEGMENT, name), expanded);
            }
        }
    }

    private static PathItem withoutDomainParameter(PathItem item) {
        if (item.getParameters() != null) {
            List.copyOf(item.getParameters()).stream().filter(DomainPathsFilter::isDomain).forEach(item::removeParameter);
        }
        for (Operation operation : item.getOperations().values()) {
            if (operation.getParameters() != null) {
                List.copyOf(operation.getParameters()).stream().filter(DomainPathsFilter::isDomain)
                        .forEach(operation::removeParameter);
            }
        }
        return item;
    }

    private static boolean isDomain(Parameter parameter) {
        return "domain".equals(parameter.getName()) && parameter.getIn() == Parameter.In.PATH;
    }
}
