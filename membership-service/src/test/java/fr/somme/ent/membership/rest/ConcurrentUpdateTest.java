package fr.somme.ent.membership.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue #14, point 7: optimistic locking. Two changes of the same member cross: the one that read the row before the
 * other committed is refused with {@code 409 concurrent-update} and stores nothing; the other change is kept.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class ConcurrentUpdateTest {

    @Test
    void aConcurrentUpdateOfAMemberIsRefusedWithConcurrentUpdateAndOverwritesNothing() throws Exception {
        String siren = Fixtures.commune();
        String insee = Fixtures.text("SELECT insee_code FROM member WHERE id = ?", siren);
        try (Connection other = ServiceDatabase.connect()) {
            // another writer changes the member first and holds its row until it commits
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(
                    "UPDATE member SET name = 'Renamed meanwhile', version = version + 1 WHERE id = ?")) {
                ps.setString(1, siren);
                assertEquals(1, ps.executeUpdate());
            }
            // the request reads the last committed row (version 0), then waits for the row to write its change
            CompletableFuture<Response> request = CompletableFuture.supplyAsync(() -> given().auth().oauth2(Fixtures.operator())
                    .contentType(ContentType.JSON).body(Fixtures.memberJson(siren, "COMMUNE", "Renamed by the request", insee, null, true))
                    .when().put("/members/" + siren));
            await().atMost(Duration.ofSeconds(20)).until(() -> ServiceDatabase.count("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query ILIKE 'update member %'") == 1);
            other.commit();

            request.get().then().statusCode(409).contentType(startsWith("application/problem+json"))
                    .body("type", endsWith("/concurrent-update"));
        }
        given().auth().oauth2(Fixtures.operator()).when().get("/members/" + siren).then().statusCode(200)
                .body("name", equalTo("Renamed meanwhile"));
        assertEquals(0, Fixtures.events(siren, "fr.ent.membership.member-updated.v1").size(),
                "the refused update announced nothing");
    }

    @Test
    void updatesOneAfterTheOtherBothApply() {
        String siren = Fixtures.commune();
        String insee = Fixtures.text("SELECT insee_code FROM member WHERE id = ?", siren);
        for (String name : new String[] { "First name", "Second name" }) {
            given().auth().oauth2(Fixtures.operator()).contentType(ContentType.JSON)
                    .body(Fixtures.memberJson(siren, "COMMUNE", name, insee, null, true)).when().put("/members/" + siren)
                    .then().statusCode(200).body("name", equalTo(name));
        }
        assertEquals("2", Fixtures.text("SELECT version::text FROM member WHERE id = ?", siren));
        assertEquals(2, Fixtures.events(siren, "fr.ent.membership.member-updated.v1").size());
    }
}
