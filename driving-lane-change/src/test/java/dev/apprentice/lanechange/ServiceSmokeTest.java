package dev.apprentice.lanechange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.service.testing.EmbeddedServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

@QuarkusTest
@QuarkusTestResource(EmbeddedServiceResource.class)
class ServiceSmokeTest {

    @Test
    void pingAnswersStatusOkAsJson() {
        given().when().get("/api/v1/lane-change/ping")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("status", equalTo("ok"));
    }

    @Test
    void theLivenessCheckIsUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsTheirTypedAnswersAndTheKeyScheme() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/lane-change/ping"))
                .body("paths", hasKey("/api/v1/lane-change/decisions"))
                .body("paths", hasKey("/api/v1/lane-change/training/jobs/{id}"))
                .body("components.schemas", hasKey("Decision"))
                .body("components.schemas", hasKey("Dashboard"))
                .body("components.schemas", hasKey("ErrorBody"))
                .body("paths.'/api/v1/lane-change/decisions'.post.responses", hasKey("4XX"))
                .body("components.securitySchemes.apiKey.type", equalTo("apiKey"));
    }

    @Test
    void theMetricsEndpointServesPrometheusText() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE"));
    }

    @Test
    void nd4jComputesInsideTheQuarkusApplication() {
        assertEquals(3.0, Nd4j.create(new float[] {1f, 2f}).sumNumber().doubleValue(), 1e-6);
    }
}
