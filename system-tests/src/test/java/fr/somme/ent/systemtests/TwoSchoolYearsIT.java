package fr.somme.ent.systemtests;

import static fr.somme.ent.systemtests.Journeys.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.systemtests.Journeys.Commune;
import fr.somme.ent.systemtests.Journeys.School;
import fr.somme.ent.systemtests.RunningSuite.Service;
import fr.somme.ent.testsupport.EventContracts;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.restassured.path.json.JsonPath;

/**
 * One commune across two school years, the services' clocks moved as time passes (art. 2, rules 7, 9 and 12 of
 * docs/domain.md). Camon adheres in 2026; its teacher's CM1 project of 2026-2027 is validated and deployed, and the
 * teacher renews it for 2027-2028 (decided again by the IEN; the class waits for the roll-out window). On 1 September
 * 2027 the 2026-2027 class is closed by the end of the school year and the 2027-2028 class deploys; on 1 December
 * 2027, 3 months later, no name or login of the 2026-2027 students is left in provisioning's database; billing, a year
 * later, sees the two years apart.
 */
class TwoSchoolYearsIT {

    private static final String YEAR_1 = "2026-2027";
    private static final String YEAR_2 = "2027-2028";
    private static final String RESOURCE = "LECTURE-CM";
    private static final Commune CAMON = new Commune("218001576", "Camon", "80164",
            new School("0801663Y", "ECOLE PRIMAIRE EDMOND MARQUIS", "80164", "PRIMAIRE"), 22);
    /** Names no other student of the journey has, so that finding them anywhere in the database is meaningful. */
    private static final String YEAR_1_NAME = "ANNEEUNE";
    private static final String YEAR_2_NAME = "ANNEEDEUX";

    @BeforeAll
    static void startSuite() {
        Journeys.start(TwoSchoolYearsIT.class);
    }

    @Test
    void aCommuneLivesTwoSchoolYearsClosedAtTheEndOfAugustPurgedThreeMonthsLaterAndBilledPerYear() throws SQLException {
        Journeys.dsdenReferenceDataAndConvention(List.of(CAMON.school()));
        Journeys.catalogue(RESOURCE, "Lecture suivie CM", false, Map.of(YEAR_1, "9.80", YEAR_2, "10.10"));
        Journeys.adhere(CAMON);

        // Year 1: the project is validated on 5 October 2026, the class deploys; the teacher names three seats.
        String year1 = Journeys.submitProject(CAMON.school().uai(), "CM1", List.of("CM1"), YEAR_1, CAMON.students(),
                List.of(RESOURCE));
        Journeys.validate(year1);
        JsonPath deployed1 = Journeys.awaitStatus(year1, "DEPLOYED");
        assertEquals("2026-10-05", deployed1.getString("accessStartDate"));
        List<String> year1Logins = nameSeats(year1, 3);

        // Year 2: Camon designates its school for 2027-2028; the teacher renews the project as a draft for 2027-2028,
        // edits it (24 students), submits it; the IEN decides again. The class waits for the roll-out window.
        Journeys.designate(CAMON.siren(), YEAR_2, CAMON.school(), 4, 98);
        String teacher = Journeys.teacher(CAMON.school().uai());
        JsonPath renewed = api(Service.PROJECT_VALIDATION, teacher).post("/projects/" + year1 + "/renewal")
                .then().statusCode(201).extract().jsonPath();
        String year2 = renewed.getString("id");
        assertEquals(YEAR_2, renewed.getString("schoolYear"));
        assertEquals("DRAFT", renewed.getString("state"));
        api(Service.PROJECT_VALIDATION, teacher).body(Map.of("schoolUai", CAMON.school().uai(), "classLabel", "CM1",
                "levels", List.of("CM1"), "schoolYear", YEAR_2, "students", 24,
                "objectives", "Cahier de textes et blog de classe; lecture suivie en ligne avec les familles.",
                "requestedResources", List.of(RESOURCE)))
                .put("/projects/" + year2).then().statusCode(200);
        api(Service.PROJECT_VALIDATION, teacher).post("/projects/" + year2 + "/submit").then().statusCode(200);
        Journeys.validate(year2);
        JsonPath waiting = Journeys.awaitClass("2027-2028 class waiting for its roll-out window", year2,
                j -> j.getList("reasons").contains("school-year-not-open"));
        assertEquals("PENDING", waiting.getString("status"), waiting.prettify());
        List<Map<String, String>> roster = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            roster.add(Map.of("lastName", YEAR_2_NAME, "firstName", "Élève" + (char) ('A' + i)));
        }
        api(Service.PROVISIONING, teacher).body(roster).put("/classes/" + year2 + "/roster").then().statusCode(200);

        // 1 September 2027, 8:00 in Amiens: the school year 2026-2027 has ended, 2027-2028's window is open.
        Journeys.suite().moveClock(Service.PROVISIONING, "2027-09-01T06:00:00Z");
        api(Service.PROVISIONING, Tokens.operator()).post("/ops/provisioning/gate-runs").then().statusCode(200);
        JsonPath deployed2 = Journeys.awaitStatus(year2, "DEPLOYED");
        assertEquals("2027-09-01", deployed2.getString("accessStartDate"));
        assertEquals(24, deployed2.getInt("studentAccounts"));
        api(Service.PROVISIONING, Tokens.operator()).post("/ops/provisioning/school-years/" + YEAR_1 + "/closure")
                .then().statusCode(200);
        JsonPath closed = Journeys.awaitStatus(year1, "CLOSED");
        assertEquals("SCHOOL_YEAR_ENDED", closed.getString("closeReason"));
        assertEquals("2027-08-31", closed.getString("closedOn"));
        assertEquals(0, closed.getInt("activeAccounts"));
        assertEquals(List.of("REVOKED"), closed.getList("licences.state"));
        assertEquals("DEPLOYED", Journeys.classOf(year2).getString("status"), "the new year's class stays open");
        // Idempotent: run again, nothing more is closed.
        assertEquals(0, api(Service.PROVISIONING, Tokens.operator())
                .post("/ops/provisioning/school-years/" + YEAR_1 + "/closure").then().statusCode(200)
                .extract().jsonPath().getInt("closed"));
        assertYearEndAnnounced(year1);

        // 1 December 2027: 3 months after access ended, the 2026-2027 students' names and logins are purged.
        Journeys.suite().moveClock(Service.PROVISIONING, "2027-12-01T08:00:00Z");
        api(Service.PROVISIONING, Tokens.operator()).post("/ops/provisioning/purges").then().statusCode(200);
        List<String> left = new ArrayList<>(whereInProvisioning(YEAR_1_NAME));
        for (String login : year1Logins) {
            left.addAll(whereInProvisioning(login));
        }
        assertEquals(List.of(), left, "no name or login of a 2026-2027 student is left");
        assertTrue(!whereInProvisioning(YEAR_2_NAME).isEmpty(), "the 2027-2028 roster, still in use, is kept");

        // Billing, 15 September 2028: each year is billed on its own class and students.
        Journeys.suite().moveClock(Service.BILLING, "2028-09-15T08:00:00Z");
        assertEquals(CAMON.students(), awaitBilledStudents(YEAR_1));
        assertEquals(24, awaitBilledStudents(YEAR_2));
    }

    /** The teacher names {@code count} student seats of the class; returns their logins. */
    private static List<String> nameSeats(String project, int count) {
        String teacher = Journeys.teacher(CAMON.school().uai());
        JsonPath accounts = api(Service.PROVISIONING, Tokens.operator()).get("/classes/" + project + "/accounts")
                .then().statusCode(200).extract().jsonPath();
        List<String> students = accounts.getList("findAll { it.role == 'STUDENT' }.id");
        List<String> logins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logins.add(api(Service.PROVISIONING, teacher)
                    .body(Map.of("lastName", YEAR_1_NAME, "firstName", "Élève" + (char) ('A' + i)))
                    .put("/classes/" + project + "/seats/" + students.get(i)).then().statusCode(200)
                    .extract().jsonPath().getString("login"));
        }
        return logins;
    }

    /** Access ended with the school year, accounts closed and licences revoked: announced on the topic, in the contracts' shape. */
    private static void assertYearEndAnnounced(String project) {
        for (String type : List.of("access-ended", "accounts-closed", "licences-revoked")) {
            ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Service.PROVISIONING.topic,
                    r -> r.value().contains("\"fr.ent.provisioning." + type + ".v1\"") && r.value().contains(project));
            JsonNode event = EventContracts.assertConforms(record.value());
            assertEquals(CAMON.siren(), event.path("data").path("memberId").asText(), type);
            if (type.equals("access-ended")) {
                assertEquals("SCHOOL_YEAR_ENDED", event.path("data").path("reason").asText());
                assertEquals("2027-08-31", event.path("data").path("accessEndDate").asText());
            }
        }
    }

    private static int awaitBilledStudents(String schoolYear) {
        String finance = Journeys.finance();
        return Awaitility.await("billing knows Camon's class of " + schoolYear).atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> api(Service.BILLING, finance).get("/periods/" + schoolYear + "/simulation")
                        .then().statusCode(200).extract().jsonPath().getInt("totalStudents"), n -> n > 0);
    }

    /** Every table.column of provisioning's database holding the text (case-insensitive). */
    private static List<String> whereInProvisioning(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = Journeys.suite().database(Service.PROVISIONING);
                PreparedStatement columns = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')");
                ResultSet rs = columns.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString("table_name");
                String column = rs.getString("column_name");
                try (PreparedStatement q = c.prepareStatement("SELECT count(*) AS n FROM \"" + table + "\" WHERE \""
                        + column + "\"::text ILIKE ?")) {
                    q.setString(1, "%" + text + "%");
                    try (ResultSet n = q.executeQuery()) {
                        if (n.next() && n.getLong("n") > 0) {
                            found.add(table + "." + column);
                        }
                    }
                }
            }
        }
        return found;
    }
}
