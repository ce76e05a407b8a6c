package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.Scenario;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Rule 10 and the roll-out (issue #15): four classes deployed one event at a time, and four classes of the same shape
 * deployed together by one adhesion, get the same accounts, logins, licences and events, in the same order per key.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class RollOutEquivalenceTest {

    /** One member's four classes at three schools: named rosters (shared names, shared teacher), anonymous seats. */
    record World(String siren, String s, List<String> uais, List<UUID> projects) {

        static World draw() {
            // in PostgreSQL's uuid order (the gate's order): their text order, not UUID.compareTo's signed one
            List<UUID> projects = Stream.generate(UUID::randomUUID).limit(4).sorted(java.util.Comparator.comparing(UUID::toString)).toList();
            return new World(Scenario.siren(), letters(), List.of(uai(), uai(), uai()), projects);
        }

        /** Class i: school, teacher, roster (null: anonymous seats). */
        void validateAndUploadRosters(String resource) {
            String[] teachers = { "prof." + s, "prof." + s, "marc.leroy" + s, "marc.leroy" + s };
            String[] schools = { uais.get(0), uais.get(1), uais.get(2), uais.get(2) };
            int[] students = { 3, 2, 3, 2 };
            for (int i = 0; i < 4; i++) {
                project(projects.get(i), projectValidated(projects.get(i), schools[i], teachers[i], currentYear(), students[i],
                        resource));
                awaitReasons(projects.get(i), "school-not-designated");
            }
            roster(projects.get(0), "[" + line("Dupont" + s, "Jean") + "," + line("Dupont" + s, "Jean") + ","
                    + line("Martin-" + s, "Hélène") + "]");
            roster(projects.get(1), "[" + line("Dupont" + s, "Jean") + "," + line("Petit" + s, "Zoé") + "]");
        }

        /** Each class's accounts (role, login, names), licences and events with this world's ids replaced. */
        List<String> outcome() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                UUID p = projects.get(i);
                out.add("class " + i + " accounts " + rows("SELECT role || '|' || login || '|' || coalesce(first_name, '-') || '|' "
                        + "|| coalesce(last_name, '-') || '|' || state AS r FROM account WHERE project_id = ? ORDER BY 1", p));
                out.add("class " + i + " licences " + rows("SELECT resource_code || '|' || quantity || '|' || unit_price || '|' "
                        + "|| state || '|' || assigned_on AS r FROM licence WHERE project_id = ? ORDER BY 1", p));
            }
            out.add("events " + rows("SELECT event_type || ' ' || (payload::jsonb -> 'data')::text || ' subject '"
                    + " || (payload::jsonb ->> 'subject') AS r FROM outbox_event WHERE record_key = ? ORDER BY seq", siren));
            out.add("first access " + rows("SELECT first_project_id::text AS r FROM member_access WHERE member_id = ?", siren));
            return out.stream().map(this::anonymised).toList();
        }

        private String anonymised(String text) {
            String t = text.replace(siren, "<member>");
            for (int i = 0; i < projects.size(); i++) {
                t = t.replace(projects.get(i).toString(), "<project" + i + ">");
            }
            for (int i = 0; i < uais.size(); i++) {
                t = t.replace(uais.get(i), "<uai" + i + ">").replace(uais.get(i).toLowerCase(), "<uai" + i + ">");
            }
            return t.replace(s, "<s>");
        }
    }

    @Test
    void classesDeployedTogetherGetTheSameAccountsLoginsLicencesAndEventsAsClassesDeployedOneByOne() {
        String resource = LicencesTest.resource(false, "4.50");

        World oneByOne = World.draw();
        oneByOne.validateAndUploadRosters(resource);
        // one class deploys per event: the adhesion designates the first school, each later revision adds one
        String a = oneByOne.siren();
        membership(a, adhesionEffective(a, "COMMUNE", today().minusDays(1), currentYear(), oneByOne.uais().get(0)));
        awaitStatus(oneByOne.projects().get(0), "DEPLOYED");
        membership(a, designationsChanged(a, currentYear(), 1, oneByOne.uais().get(0), oneByOne.uais().get(1)));
        awaitStatus(oneByOne.projects().get(1), "DEPLOYED");
        membership(a, designationsChanged(a, currentYear(), 2, oneByOne.uais().toArray(String[]::new)));
        awaitStatus(oneByOne.projects().get(2), "DEPLOYED");
        awaitStatus(oneByOne.projects().get(3), "DEPLOYED");

        World together = World.draw();
        together.validateAndUploadRosters(resource);
        String b = together.siren();
        membership(b, adhesionEffective(b, "COMMUNE", today().minusDays(1), currentYear(), together.uais().toArray(String[]::new)));
        together.projects().forEach(p -> awaitStatus(p, "DEPLOYED"));

        String s = oneByOne.s();
        String eleve = "eleve." + oneByOne.uais().get(2).toLowerCase();
        assertEquals(Set.of("prof." + s, "jean.dupont" + s, "jean.dupont" + s + "2", "helene.martin" + s), logins(oneByOne, 0));
        assertEquals(Set.of("prof." + s + "2", "jean.dupont" + s + "3", "zoe.petit" + s), logins(oneByOne, 1));
        assertEquals(Set.of("marc.leroy" + s, eleve, eleve + "2", eleve + "3"), logins(oneByOne, 2));
        assertEquals(Set.of("marc.leroy" + s + "2", eleve + "4", eleve + "5"), logins(oneByOne, 3));
        assertEquals(oneByOne.outcome(), together.outcome());
    }

    static Set<String> logins(World w, int i) {
        return new TreeSet<>(rowList("SELECT login AS r FROM account WHERE project_id = ?", w.projects().get(i)));
    }

    static void roster(UUID project, String json) {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(json).put("/classes/" + project + "/roster")
                .then().statusCode(200);
    }

    static String line(String lastName, String firstName) {
        return "{\"lastName\":\"" + lastName + "\",\"firstName\":\"" + firstName + "\"}";
    }

    static String rows(String sql, Object param) {
        return String.join("\n", rowList(sql, param));
    }

    static List<String> rowList(String sql, Object param) {
        List<String> out = new ArrayList<>();
        try (Connection c = ServiceDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString("r"));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
        return out;
    }
}
