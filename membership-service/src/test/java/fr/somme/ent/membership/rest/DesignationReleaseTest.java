package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static fr.somme.ent.membership.Fixtures.deliberate;
import static fr.somme.ent.membership.Fixtures.deliberated;
import static fr.somme.ent.membership.Fixtures.designate;
import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.schoolsJson;
import static fr.somme.ent.membership.Fixtures.sign;
import static fr.somme.ent.membership.Fixtures.today;
import static fr.somme.ent.membership.Fixtures.transmit;
import static fr.somme.ent.membership.rest.TerminationTest.terminate;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Rule 5 (art. 6): a termination releases the member's designations from its effective date; the member may adhere again. */
@QuarkusTest
@TestProfile(FixedClock.class)
class DesignationReleaseTest {

    static final String CHANGED = "fr.ent.membership.designations-changed.v1";
    static final String EFFECTIVE = "fr.ent.membership.adhesion-effective.v1";

    private static String designatedSchools(String siren) {
        return Fixtures.text("SELECT string_agg(school_year || ' ' || uai, ',' ORDER BY school_year, uai) FROM school_designation "
                + "WHERE member_id = ?", siren);
    }

    private static List<JsonNode> changes(String siren) {
        List<JsonNode> data = new ArrayList<>();
        for (String e : Fixtures.events(siren, CHANGED)) {
            EventContracts.assertConforms(e, CHANGED);
            data.add(EventContracts.assertConforms(e).path("data"));
        }
        return data;
    }

    @Test
    void theMembersDesignationsFromTheEffectiveDateAreReleasedWithEmptyDesignationEvents() {
        Map<String, String> m = Fixtures.effectiveCommune(); // m.uai designated for the current school year
        String siren = m.get("siren");
        SchoolYear current = SchoolYear.parse(currentSchoolYear());
        String next = current.next().name();
        String afterNext = current.next().next().name();
        String nextUai = Fixtures.schoolOf(siren);
        designate(operator(), siren, next, schoolsJson(nextUai)).statusCode(200);
        designate(operator(), siren, afterNext, schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        // Effective today, inside the current school year: that year ends after it, so it is released with the later ones.
        terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\""
                + today() + "\"}").statusCode(200);
        assertNull(designatedSchools(siren));
        List<JsonNode> changes = changes(siren);
        assertEquals(6, changes.size());
        for (int i = 3; i < 6; i++) {
            JsonNode c = changes.get(i);
            assertEquals(List.of(siren, m.get("adhesion"), "2", "0"), List.of(c.path("memberId").asText(), c.path("adhesionId").asText(),
                    c.path("revision").asText(), String.valueOf(c.path("schools").size())));
        }
        assertEquals(List.of(current.name(), next, afterNext), changes.subList(3, 6).stream().map(c -> c.path("schoolYear").asText()).toList());
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/designations/" + current.name())
                .then().statusCode(200).body("revision", equalTo(2)).body("schools", empty());
        // The released years keep their revisions in the history.
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/designations/" + next + "/history")
                .then().statusCode(200).body("revision", contains(1, 2)).body("[0].schools.uai", contains(nextUai))
                .body("[1].schools", empty());
        // The released schools may be designated by another member of that territory.
        String syndicate = Fixtures.member("SCHOOL_SYNDICATE", true);
        deliberated(syndicate);
        designate(operator(), syndicate, current.name(), schoolsJson(m.get("uai"))).statusCode(200);
        designate(operator(), syndicate, next, schoolsJson(nextUai)).statusCode(200);
    }

    @Test
    void designationsOfSchoolYearsEndedBeforeTheEffectiveDateAreKept() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        SchoolYear current = SchoolYear.parse(currentSchoolYear());
        designate(operator(), siren, current.next().name(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
        // Effective on 1 September of the next school year: the current one ended the day before and is kept.
        terminate(siren, m.get("adhesion"), "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\""
                + current.next().firstDay() + "\"}").statusCode(200);
        assertEquals(current.name() + " " + m.get("uai"), designatedSchools(siren));
        List<JsonNode> changes = changes(siren);
        assertEquals(3, changes.size());
        assertEquals(List.of(current.next().name(), "0"), List.of(changes.get(2).path("schoolYear").asText(),
                String.valueOf(changes.get(2).path("schools").size())));
    }

    @Test
    void aTerminatedMemberAdheresAgainWithANewDeliberationAndANewAdhesion() {
        Map<String, String> m = Fixtures.effectiveCommune();
        String siren = m.get("siren");
        String old = m.get("adhesion");
        terminate(siren, old, "{\"initiatedBy\":\"MEMBER\",\"reason\":\"general interest\",\"effectiveDate\":\"" + today() + "\"}")
                .statusCode(200);
        String again = deliberate(operator(), siren, today().minusDays(3)).statusCode(201).extract().path("id");
        assertNotEquals(old, again);
        designate(operator(), siren, currentSchoolYear(), schoolsJson(m.get("uai"))).statusCode(200)
                .body("adhesionId", equalTo(again)).body("revision", equalTo(3));
        sign(operator(), siren, again, today().minusDays(2)).statusCode(200);
        transmit(operator(), siren, again, "DELIBERATION", today().minusDays(1)).statusCode(200);
        transmit(operator(), siren, again, "CHARTER", today()).statusCode(200).body("state", equalTo("EFFECTIVE"))
                .body("effectiveDate", equalTo(today().toString()));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions")
                .then().statusCode(200).body("items.id", contains(old, again)).body("items.state", contains("TERMINATED", "EFFECTIVE"));
        List<String> effective = Fixtures.events(siren, EFFECTIVE);
        assertEquals(2, effective.size());
        EventContracts.assertConforms(effective.get(1), EFFECTIVE);
        JsonNode data = EventContracts.assertConforms(effective.get(1)).path("data");
        assertEquals(List.of(again, today().toString(), m.get("uai")), List.of(data.path("adhesionId").asText(),
                data.path("effectiveDate").asText(), data.path("schools").get(0).path("uai").asText()));
    }
}
