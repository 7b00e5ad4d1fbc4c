package dev.ferry.common.problem;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the problem body once and gives every API operation a default problem response, so generated clients
 * know the error shape without each resource repeating it.
 */
public class ProblemOpenApiFilter implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .properties(Map.of(
                        "field", string,
                        "message", string))
                .required(List.of("field", "message"));
        Schema problem = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem; `type` is stable, clients branch on it")
                .properties(Map.of(
                        "type", string,
                        "title", string,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", string,
                        "instance", string,
                        "errors",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.ARRAY)
                                        .items(fieldError)))
                .required(List.of("type", "title", "status", "detail"))
                .additionalPropertiesBoolean(true);
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema("FieldError", fieldError);
        openApi.getComponents().addSchema("Problem", problem);

        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations()
                    .values()
                    .forEach(operation -> operation
                            .getResponses()
                            .addAPIResponse(
                                    "default",
                                    OASFactory.createAPIResponse()
                                            .description("A problem: validation, access, conflict or failure")
                                            .content(OASFactory.createContent()
                                                    .addMediaType(
                                                            Problem.MEDIA_TYPE,
                                                            OASFactory.createMediaType()
                                                                    .schema(OASFactory.createSchema()
                                                                            .ref(REF))))));
        });
    }
}
