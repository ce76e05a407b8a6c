package fr.somme.ent.projects.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import fr.somme.ent.projects.Fixtures;
import fr.somme.ent.projects.Fixtures.Place;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue #14, point 7: optimistic locking on {@code Project}. Two changes of the same project cross: the one that read it
 * before the other committed is refused with {@code 409 concurrent-update} and stores nothing; the other one is kept.
 */
@QuarkusTest
@TestProfile(Fixtures.FixedClock.class)
class ConcurrentUpdateTest {

    @Test
    void aConcurrentEditOfAProjectIsRefusedWithConcurrentUpdateAndOverwritesNothing() throws Exception {
        Place place = Fixtures.place();
        String teacher = place.teacher("prof.rapide");
        String id = Fixtures.draft(teacher, place.uai());
        try (Connection other = ServiceDatabase.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(
                    "UPDATE project SET class_label = 'Changed meanwhile', version = version + 1 WHERE id = ?")) {
                ps.setObject(1, UUID.fromString(id));
                assertEquals(1, ps.executeUpdate());
            }
            Map<String, Object> body = new HashMap<>(Fixtures.projectBody(place.uai(), Fixtures.currentSchoolYear().name()));
            body.put("classLabel", "Changed by the request");
            CompletableFuture<Response> request = CompletableFuture.supplyAsync(() -> given().auth().oauth2(teacher)
                    .contentType(ContentType.JSON).body(body).put("/projects/" + id));
            await().atMost(Duration.ofSeconds(20)).until(() -> ServiceDatabase.count("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query ILIKE 'update project %'") == 1);
            other.commit();

            request.get().then().statusCode(409).contentType(startsWith("application/problem+json"))
                    .body("type", endsWith("/concurrent-update"));
        }
        given().auth().oauth2(teacher).get("/projects/" + id).then().statusCode(200).body("classLabel", equalTo("Changed meanwhile"));
    }
}
