package fr.somme.ent.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Steps shared by the journeys (adapted from {@link CharterJourneyIT}): only REST calls on the packaged services.
 * The services run in school year 2026-2027 (5 October 2026); billing on 15 September 2027.
 */
final class Journeys {

    static final String YEAR = "2026-2027";
    static final String CIRCONSCRIPTION = "0801";
    static final String IEN = "ien-amiens-1";
    static final String AMIENS_METROPOLE = "248000531";

    /** A school as the DSDEN's reference data knows it (real UAI, INSEE code of its commune). */
    record School(String uai, String name, String communeInsee, String level) {
    }

    /** A commune of CA Amiens Métropole (the communes hold the school competence there) and the school it designates. */
    record Commune(String siren, String name, String insee, School school, int students) {
    }

    private Journeys() {
    }

    /** Starts the suite for this journey class (once per JVM: each journey class runs in its own). */
    static void start(Class<?> journey) {
        RunningSuite.get(journey);
    }

    static RunningSuite suite() {
        return RunningSuite.current();
    }

    static RequestSpecification api(Service service, String token) {
        return given().baseUri(suite().url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String finance() {
        return Tokens.of("finance-1", "finance").sign();
    }

    static String dsden() {
        return Tokens.of("dsden-si", "dsden").sign();
    }

    static String ien() {
        return Tokens.of(IEN, "ien").claim("circonscription", CIRCONSCRIPTION).sign();
    }

    /** The DSDEN's reference data (circonscription 0801 and its IEN, the given schools) and its convention 2026-2029. */
    static void dsdenReferenceDataAndConvention(List<School> schools) {
        api(Service.PROJECT_VALIDATION, dsden()).body(Map.of(
                "circonscriptions", List.of(Map.of("code", CIRCONSCRIPTION, "name", "Amiens 1 (Amiens Métropole)",
                        "ien", Map.of("id", IEN, "displayName", "IEN Amiens 1"))),
                "schools", schools.stream().<Map<String, Object>>map(s -> Map.of("uai", s.uai(), "name", s.name(),
                        "communeInsee", s.communeInsee(), "level", s.level(), "sector", "PUBLIC",
                        "circonscriptionCode", CIRCONSCRIPTION)).toList()))
                .post("/reference-data").then().statusCode(200);
        api(Service.PROJECT_VALIDATION, dsden()).body(Map.of("reference", "CONV-DSDEN80-2026", "validFrom", "2026-09-01",
                "validTo", "2029-08-31", "signedOn", "2026-06-30"))
                .post("/dsden-conventions").then().statusCode(201);
    }

    /** A resource of the catalogue with its prices per school year (year → "9.80"). */
    static void catalogue(String code, String title, boolean validatedByDepartement, Map<String, String> prices) {
        api(Service.PROVISIONING, Tokens.operator()).body(Map.of("title", title, "supplier", "Éditions Lecture",
                "ssoProtocol", "GAR", "validatedByDepartement", validatedByDepartement,
                "prices", prices.entrySet().stream()
                        .map(p -> Map.of("schoolYear", p.getKey(), "unitPrice", p.getValue())).toList()))
                .put("/resources/" + code).then().statusCode(200);
    }

    static void registerCommune(Commune c) {
        api(Service.MEMBERSHIP, Tokens.operator()).body(Map.of("siren", c.siren(), "kind", "COMMUNE", "name", c.name(),
                "inseeCode", c.insee(), "epciSiren", AMIENS_METROPOLE, "schoolCompetence", true))
                .post("/members").then().statusCode(201);
    }

    /** Art. 3: the deliberation; returns the adhesion's path {@code /members/{siren}/adhesions/{id}}. */
    static String deliberate(String siren, String number, String date) {
        String id = api(Service.MEMBERSHIP, Tokens.memberAgent(siren)).body(Map.of("number", number,
                "date", date, "charterApproved", true, "executiveAuthorised", true))
                .post("/members/" + siren + "/adhesions").then().statusCode(201).extract().path("id");
        return "/members/" + siren + "/adhesions/" + id;
    }

    static void designate(String siren, String schoolYear, School school, int classes, int students) {
        api(Service.MEMBERSHIP, Tokens.memberAgent(siren)).body(Map.of("schools", List.of(
                Map.of("uai", school.uai(), "name", school.name(), "classes", classes, "students", students))))
                .put("/members/" + siren + "/designations/" + schoolYear).then().statusCode(200);
    }

    static void sign(String siren, String adhesionPath, String signedOn) {
        api(Service.MEMBERSHIP, Tokens.memberAgent(siren)).body(Map.of("signedOn", signedOn))
                .post(adhesionPath + "/charter-signature").then().statusCode(200);
    }

    static JsonPath transmit(String siren, String adhesionPath, String document, String transmittedOn) {
        return api(Service.MEMBERSHIP, Tokens.memberAgent(siren)).body(Map.of("document", document,
                "transmittedOn", transmittedOn))
                .post(adhesionPath + "/transmissions").then().statusCode(200).extract().jsonPath();
    }

    /** The whole of art. 3 for a commune: registered, deliberates, designates its school, signs, transmits both. */
    static String adhere(Commune c) {
        registerCommune(c);
        String adhesion = deliberate(c.siren(), "2026-0" + c.insee().substring(2), "2026-06-25");
        designate(c.siren(), YEAR, c.school(), 4, 96);
        sign(c.siren(), adhesion, "2026-07-01");
        transmit(c.siren(), adhesion, "DELIBERATION", "2026-07-03");
        JsonPath effective = transmit(c.siren(), adhesion, "CHARTER", "2026-07-06");
        if (!"EFFECTIVE".equals(effective.getString("state"))) {
            throw new AssertionError("adhesion of " + c.name() + " not effective: " + effective.prettify());
        }
        return adhesion;
    }

    static String teacher(String uai) {
        return Tokens.teacher("teacher-" + uai, uai);
    }

    /** A teacher of the school writes and submits a project; returns its id. */
    static String submitProject(String uai, String classLabel, List<String> levels, String schoolYear, int students,
            List<String> resources) {
        String teacher = teacher(uai);
        String project = api(Service.PROJECT_VALIDATION, teacher).body(Map.of("schoolUai", uai,
                "classLabel", classLabel, "levels", levels, "schoolYear", schoolYear, "students", students,
                "objectives", "Cahier de textes et blog de classe; lecture suivie en ligne avec les familles.",
                "requestedResources", resources))
                .post("/projects").then().statusCode(201).extract().path("id");
        api(Service.PROJECT_VALIDATION, teacher).post("/projects/" + project + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
        return project;
    }

    /** Art. 2: the IEN of circonscription 0801 validates through REST. */
    static void validate(String project) {
        api(Service.PROJECT_VALIDATION, ien()).body(Map.of("decision", "VALIDATED"))
                .post("/projects/" + project + "/decision").then().statusCode(200)
                .body("state", equalTo("VALIDATED"));
    }

    static JsonPath classOf(String project) {
        return api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + project).then().extract().jsonPath();
    }

    /** Waits until provisioning shows the class of the project in a state the predicate accepts. */
    static JsonPath awaitClass(String what, String project, Predicate<JsonPath> until) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + project)
                        .then().statusCode(200).extract().jsonPath(), until::test);
    }

    static JsonPath awaitStatus(String project, String status) {
        return awaitClass("class " + project + " " + status, project, j -> status.equals(j.getString("status")));
    }
}
