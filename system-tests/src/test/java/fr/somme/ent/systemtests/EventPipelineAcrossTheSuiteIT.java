package fr.somme.ent.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.restassured.http.ContentType;

/** Each packaged service, started as in a pod, is secured, stores what it is asked to and publishes it on its topic. */
class EventPipelineAcrossTheSuiteIT {

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get(EventPipelineAcrossTheSuiteIT.class);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void aPackagedServiceRefusesAnonymousCallsAndPublishesWhatAnOperatorAsksOnItsTopic(Service service) {
        given().baseUri(suite.url(service)).contentType(ContentType.JSON).body("{}")
                .when().post("/ops/pipeline-probes")
                .then().statusCode(401).contentType("application/problem+json");

        String id = given().baseUri(suite.url(service)).auth().oauth2(Tokens.operator())
                .contentType(ContentType.JSON).body("{\"note\":\"system test\"}")
                .when().post("/ops/pipeline-probes")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(service.topic, r -> id.equals(r.key()));
        JsonNode event = EventContracts.assertConforms(record.value());
        assertEquals("/ent/" + service.module, event.path("source").asText());

        given().baseUri(suite.managementUrl(service)).when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }
}
