package dev.apprentice.service.error;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Describes the kit's error answers in the OpenAPI document of every service: an {@code ErrorBody}
 * schema, and {@code 4XX} / {@code 5XX} responses carrying it on every operation, since the
 * exception mappers that produce them are invisible to the resource methods' signatures.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ErrorResponsesFilter implements OASFilter {

    static final String SCHEMA = "ErrorBody";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Every error answer of the service")
                .addProperty("status", field(Schema.SchemaType.INTEGER, "the HTTP status"))
                .addProperty("error", field(Schema.SchemaType.STRING, "a stable code, e.g. invalid-request"))
                .addProperty("field", field(Schema.SchemaType.STRING, "the request field at fault, when one is"))
                .addProperty("message", field(Schema.SchemaType.STRING, "what was wrong"))
                .addProperty("errorId", field(Schema.SchemaType.STRING, "for internal errors: the id in the log")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() == null) {
                op.setResponses(OASFactory.createAPIResponses());
            }
            if (!op.getResponses().hasAPIResponse("4XX")) {
                op.getResponses().addAPIResponse("4XX", error("The request was refused; the body says why"));
            }
            if (!op.getResponses().hasAPIResponse("5XX")) {
                op.getResponses().addAPIResponse("5XX", error("No policy can serve (503), or an internal error (500)"));
            }
        }));
    }

    private static Schema field(Schema.SchemaType type, String description) {
        return OASFactory.createSchema().addType(type).description(description);
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA))));
    }
}
