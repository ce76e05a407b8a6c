package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.refusedWithoutChange;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The Département's component opt-outs (art. 4.3). "Now" is {@link FixedClock#NOW} (2026-10-05): the dates below are past. */
@QuarkusTest
@TestProfile(FixedClock.class)
class ComponentOptOutTest {

    static final String NOTIFIED = "fr.ent.membership.component-opt-out-notified.v1";

    static ValidatableResponse optOut(String siren, String components, String notifiedOn) {
        return given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"components\":" + components + ",\"notifiedOn\":\"" + notifiedOn + "\"}")
                .when().post("/members/" + siren + "/component-opt-outs").then();
    }

    @Test
    void optOutAppliesFromTheSchoolYearAfterItsNotification() {
        String departement = Fixtures.member("DEPARTEMENT", true);
        optOut(departement, "[\"ACCOUNTS\"]", "2026-08-31").statusCode(201)
                .body("effectiveFromSchoolYear", equalTo("2026-2027")).body("components", contains("ACCOUNTS"));
        optOut(departement, "[\"RES-ATLAS-3D\",\"res-dico\"]", "2026-09-01").statusCode(201)
                .body("effectiveFromSchoolYear", equalTo("2027-2028")).body("components", contains("RES-ATLAS-3D", "RES-DICO"));
        given().auth().oauth2(operator()).when().get("/members/" + departement + "/component-opt-outs")
                .then().statusCode(200).body("items.effectiveFromSchoolYear", contains("2026-2027", "2027-2028"));
        List<String> events = Fixtures.events(departement, NOTIFIED);
        assertEquals(2, events.size());
        events.forEach(e -> EventContracts.assertConforms(e, NOTIFIED));
    }

    @Test
    void onlyTheDepartementOptsOutOfComponents() {
        String commune = Fixtures.commune();
        refusedWithoutChange(() -> optOut(commune, "[\"ACCOUNTS\"]", "2026-06-30").statusCode(422)
                .body("type", equalTo(PROBLEMS + "opt-out-reserved-to-departement")), commune);
        String epci = Fixtures.member("EPCI", true);
        refusedWithoutChange(() -> optOut(epci, "[\"ACCOUNTS\"]", "2026-06-30").statusCode(422)
                .body("type", equalTo(PROBLEMS + "opt-out-reserved-to-departement")), epci);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM component_opt_out WHERE member_id = ?", commune));
        assertEquals(0, Fixtures.events(commune, NOTIFIED).size());
    }

    @Test
    void anOptOutNamesAtLeastOneComponent() {
        String departement = Fixtures.member("DEPARTEMENT", true);
        refusedWithoutChange(() -> optOut(departement, "[]", "2026-06-30").statusCode(400), departement);
        refusedWithoutChange(() -> optOut(departement, "[\" \"]", "2026-06-30").statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-component")), departement);
        refusedWithoutChange(() -> optOut(departement, "[\"ACCOUNTS\",\"RES,DICO\"]", "2026-06-30").statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-component")), departement);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM component_opt_out WHERE member_id = ?", departement));
    }

    @Test
    void theNotificationDateIsNotInTheFuture() {
        String departement = Fixtures.member("DEPARTEMENT", true);
        refusedWithoutChange(() -> optOut(departement, "[\"ACCOUNTS\"]", Fixtures.today().plusDays(1).toString()).statusCode(422)
                .body("type", equalTo(PROBLEMS + "date-in-future")), departement);
        optOut(departement, "[\"ACCOUNTS\"]", Fixtures.today().toString()).statusCode(201)
                .body("notifiedOn", equalTo(Fixtures.today().toString()));
    }
}
