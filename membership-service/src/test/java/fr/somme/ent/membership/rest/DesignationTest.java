package fr.somme.ent.membership.rest;

import static fr.somme.ent.membership.Fixtures.currentSchoolYear;
import static fr.somme.ent.membership.Fixtures.deliberated;
import static fr.somme.ent.membership.Fixtures.designate;
import static fr.somme.ent.membership.Fixtures.nextSchoolYear;
import static fr.somme.ent.membership.Fixtures.operator;
import static fr.somme.ent.membership.Fixtures.refusedWithoutChange;
import static fr.somme.ent.membership.Fixtures.schoolsJson;
import static fr.somme.ent.membership.rest.MemberRegistrationTest.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.membership.FixedClock;
import fr.somme.ent.membership.Fixtures;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Designations per school year (art. 3, rule 4). "Now" is {@link FixedClock#NOW} (school year 2026-2027). */
@QuarkusTest
@TestProfile(FixedClock.class)
class DesignationTest {

    static final String CHANGED = "fr.ent.membership.designations-changed.v1";

    @Test
    void designationsAreKeptPerSchoolYearWithTheirHistoryAndEachChangeIsAConformingEvent() {
        String siren = Fixtures.commune();
        deliberated(siren);
        String a = Fixtures.schoolOf(siren);
        String b = Fixtures.schoolOf(siren);
        designate(operator(), siren, nextSchoolYear(), schoolsJson(a)).statusCode(200).body("revision", equalTo(1));
        designate(operator(), siren, nextSchoolYear(),
                "{\"schools\":[{\"uai\":\"" + a + "\",\"name\":\"École A\",\"classes\":3,\"students\":61},"
                        + "{\"uai\":\"" + b + "\",\"name\":\"École B\",\"classes\":2,\"students\":0}]}")
                .statusCode(200).body("revision", equalTo(2)).body("schools.uai", contains(a, b));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/designations/" + nextSchoolYear())
                .then().statusCode(200).body("revision", equalTo(2)).body("schools[0].classes", equalTo(3));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/designations/" + nextSchoolYear() + "/history")
                .then().statusCode(200).body("revision", contains(1, 2)).body("designatedBy", contains("op-1", "op-1"))
                .body("[0].schools.uai", contains(a));
        List<String> events = Fixtures.events(siren, CHANGED);
        assertEquals(2, events.size());
        events.forEach(e -> EventContracts.assertConforms(e, CHANGED));
    }

    @Test
    void aSchoolIsDesignatedByOneMemberPerSchoolYear() {
        // A commune and a school syndicate of the same département may both designate an école of that commune (art. 3).
        String first = Fixtures.commune();
        String second = Fixtures.member("SCHOOL_SYNDICATE", true);
        deliberated(first);
        deliberated(second);
        String uai = Fixtures.schoolOf(first);
        String own = Fixtures.schoolOf(first);
        designate(operator(), first, currentSchoolYear(), schoolsJson(uai)).statusCode(200);
        refusedWithoutChange(() -> designate(operator(), second, currentSchoolYear(), schoolsJson(own, uai)).statusCode(409)
                .body("type", equalTo(PROBLEMS + "school-designated-by-another-member")), first, second);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM designation_revision WHERE member_id = ?", second));
        assertEquals(0, Fixtures.events(second, CHANGED).size());
        assertEquals(first, Fixtures.text("SELECT member_id FROM school_designation WHERE school_year = ? AND uai = ?",
                currentSchoolYear(), uai));
        // Another school year is another designation.
        designate(operator(), second, nextSchoolYear(), schoolsJson(uai)).statusCode(200);
        // The holder itself may list the school again in a new revision.
        designate(operator(), first, currentSchoolYear(), schoolsJson(uai, own)).statusCode(200).body("revision", equalTo(2));
    }

    @Test
    void designationsBelongToAnOpenAdhesion() {
        String siren = Fixtures.commune();
        refusedWithoutChange(() -> designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.uai())).statusCode(409)
                .body("type", equalTo(PROBLEMS + "adhesion-not-deliberated")), siren);
    }

    @Test
    void aDesignationNamesSchoolsWithTheirClassesAndStudents() {
        String siren = Fixtures.commune();
        String adhesion = deliberated(siren);
        String year = currentSchoolYear();
        refusedWithoutChange(() -> designate(operator(), siren, year, "{\"schools\":[]}").statusCode(422)
                .body("type", equalTo(PROBLEMS + "no-school-designated")), siren);
        String good = Fixtures.schoolOf(siren);
        String wrongCheckLetter = good.substring(0, 7) + (good.charAt(7) == 'A' ? 'B' : 'A');
        refusedWithoutChange(() -> designate(operator(), siren, year, schoolsJson(good, wrongCheckLetter)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-uai")), siren);
        refusedWithoutChange(() -> designate(operator(), siren, year, schoolsJson(good, good)).statusCode(422)
                .body("type", equalTo(PROBLEMS + "duplicate-school")), siren);
        refusedWithoutChange(() -> designate(operator(), siren, year,
                "{\"schools\":[{\"uai\":\"" + good + "\",\"name\":\"École\",\"classes\":0,\"students\":10}]}").statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")), siren);
        refusedWithoutChange(() -> designate(operator(), siren, year,
                "{\"schools\":[{\"uai\":\"" + good + "\",\"name\":\"École\",\"classes\":1,\"students\":-1}]}").statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")), siren);
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM designation_revision WHERE member_id = ?", siren));
        given().auth().oauth2(operator()).when().get("/members/" + siren + "/adhesions/" + adhesion)
                .then().body("state", equalTo("DELIBERATED"));
        // The smallest valid school: one class, no pupil yet.
        designate(operator(), siren, year,
                "{\"schools\":[{\"uai\":\"" + good + "\",\"name\":\"École\",\"classes\":1,\"students\":0}]}").statusCode(200);
    }

    @Test
    void designationsAreForTheCurrentOrALaterSchoolYear() {
        String siren = Fixtures.commune();
        deliberated(siren);
        String past = SchoolYear.parse(currentSchoolYear()).previous().name();
        refusedWithoutChange(() -> designate(operator(), siren, past, schoolsJson(Fixtures.uai())).statusCode(422)
                .body("type", equalTo(PROBLEMS + "school-year-closed")), siren);
        refusedWithoutChange(() -> designate(operator(), siren, "2026-2028", schoolsJson(Fixtures.uai())).statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-school-year")), siren);
        // The school year containing today is still open.
        designate(operator(), siren, currentSchoolYear(), schoolsJson(Fixtures.schoolOf(siren))).statusCode(200);
    }

    @Test
    void twoMembersDesignatingTheSameSchoolAtTheSameTimeGetOneSuccessAndOneConflict() throws Exception {
        String first = Fixtures.commune();
        String second = Fixtures.member("SCHOOL_SYNDICATE", true);
        deliberated(first);
        deliberated(second);
        // Two threads of their own released together (the common pool may have a single thread on a small machine).
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String uai = Fixtures.schoolOf(first);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Integer> a = pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return designate(operator(), first, nextSchoolYear(), schoolsJson(uai)).extract().statusCode();
                });
                Future<Integer> b = pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return designate(operator(), second, nextSchoolYear(), schoolsJson(uai)).extract().statusCode();
                });
                List<Integer> statuses = Stream.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)).sorted().toList();
                assertEquals(List.of(200, 409), statuses);
                assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM school_designation WHERE uai = ?", uai));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
