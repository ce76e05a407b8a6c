package fr.somme.ent.billing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.restassured.http.ContentType;

/** Conforming CloudEvents from membership and provisioning, and finance's budget entries, for the billing tests. */
public final class BillingFixtures {

    public static final String MEMBERSHIP = "ent.membership.v1";
    public static final String PROVISIONING = "ent.provisioning.v1";
    public static final String BILLING = "ent.billing.v1";
    public static final String DEPARTEMENT = "228000014";
    public static final ObjectMapper JSON = new ObjectMapper();

    private BillingFixtures() {
    }

    public static String finance() {
        return Tokens.of("finance-1", "finance").sign();
    }

    public static String event(String source, String type, String subject, Map<String, Object> data) {
        try {
            String json = JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                    "source", source, "type", type, "subject", subject, "time", Instant.now().toString(),
                    "datacontenttype", "application/json", "data", data));
            EventContracts.assertConforms(json, type);
            return json;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project of a class in these tests: one per member, school, year and label unless a test says otherwise. */
    public static UUID project(String memberId, String uai, String year, String classLabel) {
        return UUID.nameUUIDFromBytes((memberId + "/" + uai + "/" + year + "/" + classLabel).getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, Object> classData(String memberId, String uai, String year, String classLabel, String level) {
        return classData(project(memberId, uai, year, classLabel), memberId, uai, year, classLabel, level);
    }

    public static Map<String, Object> classData(UUID projectId, String memberId, String uai, String year, String classLabel,
            String level) {
        return new java.util.LinkedHashMap<>(Map.of("memberId", memberId, "projectId", projectId.toString(),
                "schoolUai", uai, "schoolYear", year, "classLabel", classLabel, "schoolLevel", level));
    }

    /** provisioning's access-started for one class; waits until billing has applied it. */
    public static void accessStarted(String memberId, String uai, String year, String classLabel, int students, String startDate,
            boolean first) {
        accessStarted(memberId, uai, year, classLabel, students, startDate, first, "ECOLE");
    }

    /** The same for a class of the given level (ECOLE or COLLEGE). */
    public static void accessStarted(String memberId, String uai, String year, String classLabel, int students, String startDate,
            boolean first, String level) {
        accessStarted(project(memberId, uai, year, classLabel), memberId, uai, year, classLabel, students, startDate, level);
    }

    /** access-started of the given project (class); waits until billing has applied it. */
    public static void accessStarted(UUID projectId, String memberId, String uai, String year, String classLabel, int students,
            String startDate, String level) {
        Map<String, Object> data = classData(projectId, memberId, uai, year, classLabel, level);
        data.put("students", students);
        data.put("accessStartDate", startDate);
        data.put("firstAccessForMember", false);
        TopicProbe.send(PROVISIONING, memberId, event("/ent/provisioning-service", "fr.ent.provisioning.access-started.v1",
                memberId, data));
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM class_access WHERE project_id = ?::uuid AND school_year = ? AND students = ? "
                        + "AND access_start <= ?::date AND access_end IS NULL",
                projectId.toString(), year, students, startDate) == 1);
    }

    public static void accessEnded(String memberId, String uai, String year, String classLabel, int students, String endDate,
            String reason) {
        Map<String, Object> data = classData(memberId, uai, year, classLabel, "ECOLE");
        data.put("students", students);
        data.put("accessEndDate", endDate);
        data.put("reason", reason);
        TopicProbe.send(PROVISIONING, memberId, event("/ent/provisioning-service", "fr.ent.provisioning.access-ended.v1",
                memberId, data));
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM class_access WHERE project_id = ?::uuid AND school_year = ? AND access_end = ?::date",
                project(memberId, uai, year, classLabel).toString(), year, endDate) == 1);
    }

    public static void terminated(String memberId, String effectiveDate) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("memberId", memberId);
        data.put("terminationId", UUID.randomUUID().toString());
        data.put("initiatedBy", "MEMBER");
        data.put("reason", "motif d'intérêt général");
        data.put("effectiveDate", effectiveDate);
        TopicProbe.send(MEMBERSHIP, memberId, event("/ent/membership-service", "fr.ent.membership.membership-terminated.v1",
                memberId, data));
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM membership_change WHERE member_id = ? AND change = 'TERMINATION' AND effective_date = ?::date",
                memberId, effectiveDate) == 1);
    }

    /** membership's adhesion-effective (a new adhesion, also after a termination); waits until billing has applied it. */
    public static void adhesionEffective(String memberId, String effectiveDate, String schoolYear) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("memberId", memberId);
        data.put("adhesionId", UUID.randomUUID().toString());
        data.put("memberKind", "COMMUNE");
        data.put("effectiveDate", effectiveDate);
        data.put("deliberation", Map.of("number", "D-" + effectiveDate, "date", effectiveDate));
        data.put("charterSignedOn", effectiveDate);
        data.put("deliberationTransmittedOn", effectiveDate);
        data.put("charterTransmittedOn", effectiveDate);
        data.put("schoolYear", schoolYear);
        data.put("schools", List.of(Map.of("uai", "0800091P", "name", "École", "classes", 1, "students", 20)));
        TopicProbe.send(MEMBERSHIP, memberId, event("/ent/membership-service", "fr.ent.membership.adhesion-effective.v1",
                memberId, data));
        await().atMost(Duration.ofSeconds(30)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM membership_change WHERE member_id = ? AND change = 'ADHESION' AND effective_date = ?::date",
                memberId, effectiveDate) == 1);
    }

    public static void expense(String year, String category, String amount, String paidOn) {
        given().auth().oauth2(finance()).contentType(ContentType.JSON)
                .body(Map.of("category", category, "supplier", "Fournisseur ENT", "reference", "F-" + UUID.randomUUID(),
                        "amount", amount, "paidOn", paidOn))
                .when().post("/budgets/" + year + "/expenses").then().statusCode(201);
    }

    public static void feder(String year, String amount) {
        given().auth().oauth2(finance()).contentType(ContentType.JSON)
                .body(Map.of("programmeReference", "PI-2014-2020-" + year, "amount", amount))
                .when().post("/budgets/" + year + "/feder").then().statusCode(201);
    }

    public static List<Map<String, Object>> compute(String year) {
        return given().auth().oauth2(finance()).contentType(ContentType.JSON).body(Map.of("reason", "fin d'année " + year))
                .when().post("/periods/" + year + "/computation").then().statusCode(200)
                .extract().jsonPath().getList("computed");
    }

    public static List<Map<String, Object>> calls(String year) {
        return given().auth().oauth2(finance()).queryParam("schoolYear", year).queryParam("size", 500).when().get("/calls")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** A call as finance sees it (with its audit trail). */
    public static Map<String, Object> call(Object id) {
        return given().auth().oauth2(finance()).when().get("/calls/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    /** Rows the call's changes wrote to the outbox, by event type (the events it publishes, without any quiet window). */
    public static long announced(Object callId, String type) {
        return ServiceDatabase.count("SELECT count(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?", type,
                "%" + callId + "%");
    }

    /** The last number handed out in a series (CALL, CREDIT_NOTE) for a year; 0 when none was. */
    public static long lastNumber(String series, String year) {
        return ServiceDatabase.count("SELECT coalesce(max(last_number), 0) FROM document_counter WHERE series = ? AND school_year = ?",
                series, year);
    }

    public static Map<String, Object> callOf(String year, String memberId) {
        return calls(year).stream().filter(c -> memberId.equals(c.get("memberId")) && !"CANCELLED".equals(c.get("status")))
                .findFirst().orElseThrow(() -> new AssertionError("no live call for " + memberId + " in " + year));
    }
}
