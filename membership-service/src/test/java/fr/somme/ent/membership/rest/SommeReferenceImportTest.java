package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.deliberate;
import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.refusedWithoutChange;
import static fr.somme.ent.membership.Fixtures.today;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(FixedClock.class)
class SommeReferenceImportTest {

    private static final String SOMME_COMMUNES = "SELECT count(*) FROM member WHERE kind = 'COMMUNE' AND insee_code BETWEEN '80001' AND '80899'";
    private static final String SOMME_EPCI = "SELECT count(*) FROM member WHERE kind = 'EPCI' AND id NOT LIKE '99%'";

    @Test
    void theImportLoadsThe772CommunesThe17EpciAndTheDepartementAndRunningItTwiceChangesNothing() {
        given().auth().oauth2(operator()).when().post("/reference/somme/import")
                .then().statusCode(200).body("communes", equalTo(772)).body("epci", equalTo(17)).body("departement", equalTo(1));
        assertEquals(772, ServiceDatabase.count(SOMME_COMMUNES));
        assertEquals(17, ServiceDatabase.count(SOMME_EPCI));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM member WHERE id = '228000014' AND kind = 'DEPARTEMENT'"));
        EventContracts.assertConforms(Fixtures.events("218000198", "fr.ent.membership.member-registered.v1").get(0),
                "fr.ent.membership.member-registered.v1");

        long events = ServiceDatabase.count("SELECT count(*) FROM outbox_event");
        String rows = everyMemberRowAndItsVersion();
        given().auth().oauth2(operator()).when().post("/reference/somme/import")
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(790));
        assertEquals(events, ServiceDatabase.count("SELECT count(*) FROM outbox_event"), "a second run publishes nothing");
        assertEquals(772, ServiceDatabase.count(SOMME_COMMUNES));
        assertEquals(17, ServiceDatabase.count(SOMME_EPCI));
        assertEquals(rows, everyMemberRowAndItsVersion(), "a second run rewrites no member row");
    }

    /**
     * Every member row, its content and its row version: PostgreSQL gives a row a new {@code xmin} whenever it is
     * written, even with the same values (with the clock fixed, a rewrite would not even change updated_at). Compared
     * as a digest to keep failure messages short.
     */
    private static String everyMemberRowAndItsVersion() {
        return Fixtures.text("SELECT count(*) || ' rows, ' || md5(string_agg(m::text || ' xmin=' || m.xmin::text, '|' ORDER BY m.id)) "
                + "FROM member m");
    }

    @Test
    void theFourEpciNamedByTheDsdenHoldTheSchoolCompetenceAndTheirCommunesDoNot() {
        given().auth().oauth2(operator()).when().post("/reference/somme/import").then().statusCode(200);
        // CA de la Baie de Somme holds it; Abbeville, one of its communes, does not.
        given().auth().oauth2(operator()).when().get("/members/200070993").then().statusCode(200).body("schoolCompetence", equalTo(true));
        given().auth().oauth2(operator()).when().get("/members/218000016").then().statusCode(200)
                .body("schoolCompetence", equalTo(false)).body("epciSiren", equalTo("200070993")).body("inseeCode", equalTo("80001"));
        // Elsewhere the communes hold it: Amiens does, CA Amiens Métropole does not.
        given().auth().oauth2(operator()).when().get("/members/218000198").then().statusCode(200).body("schoolCompetence", equalTo(true));
        given().auth().oauth2(operator()).when().get("/members/248000531").then().statusCode(200).body("schoolCompetence", equalTo(false));
        given().auth().oauth2(operator()).when().get("/members/228000014").then().statusCode(200)
                .body("kind", equalTo("DEPARTEMENT")).body("schoolCompetence", equalTo(true));
        assertEquals(4, ServiceDatabase.count("SELECT count(*) FROM member WHERE kind = 'EPCI' AND school_competence AND id NOT LIKE '99%'"));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM member WHERE kind = 'COMMUNE' AND school_competence "
                + "AND epci_siren IN ('200070993', '200070936', '200071181', '200070928')"));
        // A commune of those EPCI cannot adhere for its schools: its EPCI adheres for them (art. 3).
        refusedWithoutChange(() -> deliberate(operator(), "218000016", today().minusDays(3)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "member-without-school-competence")), "218000016");
    }
}
