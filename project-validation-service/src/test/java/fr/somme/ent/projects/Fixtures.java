package fr.somme.ent.projects;

import static io.restassured.RestAssured.given;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.http.ContentType;

/**
 * Test data through the service's own API: schools, circonscriptions and projects of their own per test. The database
 * is cleaned at each application start; within one, identifiers come from counters, so no two tests share one.
 */
public final class Fixtures {

    /** "Now" of the shared application (profile {@link FixedClock}): Monday 16 November 2026, school year 2026-2027. */
    public static final String NOW = "2026-11-16T08:00:00Z";
    public static final SchoolYear YEAR = SchoolYear.parse("2026-2027");
    /** The convention in force in the shared application: from the previous school year to the end of the next one. */
    public static final LocalDate CONVENTION_FROM = YEAR.previous().firstDay();
    public static final LocalDate CONVENTION_TO = YEAR.next().lastDay();
    /** Signed before it came into force: a validation counts only under a signed convention (art. 2). */
    public static final LocalDate CONVENTION_SIGNED_ON = CONVENTION_FROM.minusMonths(2);

    /** The profile of every test class of the shared application: the clock pinned to {@link #NOW}. */
    public static class FixedClock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ent.clock.fixed", NOW);
        }
    }

    /** Test UAIs are 0809000 to 0809999 with their check letter: no real school of the Somme (0800…-0802…) is among them. */
    private static final int UAI_POOL = 1000;
    private static final AtomicInteger SCHOOLS = new AtomicInteger();
    private static final AtomicInteger CIRCONSCRIPTIONS = new AtomicInteger();

    private Fixtures() {
    }

    /** A school of its own circonscription, with its IEN: no two tests share one. */
    public record Place(String uai, String circonscription, String ienId) {

        public String teacher(String teacherId) {
            return Tokens.teacher(teacherId, uai);
        }

        public String ien() {
            return Tokens.of(ienId, "ien").claim("circonscription", circonscription).sign();
        }
    }

    /** Today for the service: its Clock (fixed by the test class's profile, moved by the test), zone Europe/Paris. */
    public static LocalDate today() {
        return LocalDate.now(Arc.container().instance(Clock.class).get());
    }

    public static SchoolYear currentSchoolYear() {
        return SchoolYear.containing(today());
    }

    /** The next UAI of the pool; the pool running out fails the test rather than reusing a UAI. */
    public static String uniqueUai() {
        int n = SCHOOLS.getAndIncrement();
        if (n >= UAI_POOL) {
            throw new IllegalStateException("the " + UAI_POOL + " test UAIs are used up: widen Fixtures' pool");
        }
        String seven = String.format("0809%03d", n);
        return seven + Uai.checkLetter(seven);
    }

    /** T0000001, T0000002…: no DSDEN code starts with T. */
    public static String uniqueCirconscription() {
        return String.format("T%07d", CIRCONSCRIPTIONS.incrementAndGet());
    }

    public static Place place() {
        String circonscription = uniqueCirconscription();
        Place p = new Place(uniqueUai(), circonscription, "ien-" + circonscription.toLowerCase());
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("circonscriptions", List.of(Map.of("code", p.circonscription(), "name", "Circonscription " + circonscription,
                                "ien", Map.of("id", p.ienId(), "displayName", "IEN " + circonscription))),
                        "schools", List.of(Map.of("uai", p.uai(), "name", "ECOLE PRIMAIRE " + circonscription, "communeInsee", "80021",
                                "level", "PRIMAIRE", "sector", "PUBLIC", "circonscriptionCode", p.circonscription()))))
                .post("/reference-data").then().statusCode(200);
        return p;
    }

    /** The convention in force during the tests of the shared application (no test of it records another one). */
    public static void conventionInForce() {
        int status = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("reference", "CONV-DSDEN80-TESTS", "validFrom", CONVENTION_FROM.toString(), "validTo", CONVENTION_TO.toString(),
                        "signedOn", CONVENTION_SIGNED_ON.toString()))
                .post("/dsden-conventions").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("convention not recorded: " + status);
        }
    }

    public static Map<String, Object> projectBody(String uai, String schoolYear) {
        return Map.of("schoolUai", uai, "classLabel", "CM1-CM2 Mme Martin", "levels", List.of("CM1", "CM2"),
                "schoolYear", schoolYear, "students", 24, "objectives", "Cahier de textes numérique et blog de classe",
                "requestedResources", List.of("ENT-BASE", "LUMNI-PRIMAIRE"));
    }

    /** A draft project written by the teacher; returns its id. */
    public static String draft(String teacherToken, String uai) {
        return given().auth().oauth2(teacherToken).contentType(ContentType.JSON)
                .body(projectBody(uai, currentSchoolYear().name()))
                .post("/projects").then().statusCode(201).extract().path("id");
    }

    /** A project submitted by the teacher and validated by the IEN of its school; returns its id. */
    public static String validated(Place place, String teacherId) {
        String id = submitted(place.teacher(teacherId), place.uai());
        given().auth().oauth2(place.ien()).contentType(ContentType.JSON).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + id + "/decision").then().statusCode(200);
        return id;
    }

    public static String submitted(String teacherToken, String uai) {
        String id = draft(teacherToken, uai);
        given().auth().oauth2(teacherToken).post("/projects/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** The project as the operator reads it (JSON), to compare before and after a refused request. */
    public static String view(String projectId) {
        return given().auth().oauth2(Tokens.operator()).get("/projects/" + projectId).then().statusCode(200).extract().asString();
    }

    /** The project's history, oldest first: the states it went through. */
    public static List<String> states(String projectId) {
        return given().auth().oauth2(Tokens.operator()).get("/projects/" + projectId + "/transitions").then().statusCode(200)
                .extract().jsonPath().getList("to", String.class);
    }

    /** How many events of that type about that project the service wrote to its outbox (each is published once). */
    public static long announced(String projectId, String type) {
        return ServiceDatabase.count("SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type = ?", projectId, type);
    }
}
