package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.MovableClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Bulk: a member's adhesion taking effect deploys all its waiting classes in one event, in batches. */
@QuarkusTest
@TestProfile(FixedClock.class)
class BulkRollOutTest {

    @Inject
    MovableClock clock;

    @Inject
    Jobs jobs;

    @AfterEach
    void timeBackToTheFixedStart() {
        clock.reset();
    }

    @Test
    void oneAdhesionDeploysEveryWaitingClassOfItsSchools() {
        String siren = siren();
        List<String> uais = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            uais.add(uai());
        }
        List<UUID> projects = new ArrayList<>();
        for (String uai : uais) {
            for (int c = 0; c < 2; c++) {
                UUID p = UUID.randomUUID();
                projects.add(p);
                project(p, projectValidated(p, uai, "prof.bulk", currentYear(), 25));
            }
        }
        // every class waits before the adhesion is sent, so that each one is deployed by the adhesion
        Awaitility.await("30 classes waiting").atMost(Duration.ofSeconds(60)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM class_deployment WHERE project_id = ANY(?::uuid[]) AND status = 'PENDING' "
                        + "AND reasons = 'school-not-designated'", ids(projects)) == 30);
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(1), currentYear(), uais.toArray(String[]::new)));
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> ServiceDatabase.count(
                "SELECT count(*) FROM class_deployment WHERE member_id = ? AND status = 'DEPLOYED'", siren) == 30);
        assertEquals(30, ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ANY(?::uuid[]) "
                + "AND status = 'DEPLOYED' AND member_id = ? AND deployed_on = ?", ids(projects), siren, today()));
        assertEquals(30 * 26, ServiceDatabase.count("SELECT count(*) FROM account WHERE member_id = ?", siren));
        assertEquals(30 * 26, ServiceDatabase.count("SELECT count(DISTINCT login) FROM account WHERE member_id = ?", siren));
        assertEquals(30, publishedSoFar(r -> siren.equals(r.key()) && r.value().contains("\"type\":\"fr.ent.provisioning.class-deployed.v1\"")).size(),
                "one class-deployed per class");
    }

    @Test
    void aFailureInTheMiddleOfARollOutLeavesNothingDeployedAndARunAgainDeploysEachClassOnce() throws Exception {
        String siren = siren();
        String s = letters();
        String uai = uai();
        String fine = LicencesTest.resource(false, "3.00");
        String failing = LicencesTest.resource(false, "5.00");
        // in PostgreSQL's uuid order (the gate's order): their text order, not UUID.compareTo's signed one
        List<UUID> projects = Stream.generate(UUID::randomUUID).limit(3).sorted(java.util.Comparator.comparing(UUID::toString)).toList();
        for (int i = 0; i < 3; i++) {
            UUID p = projects.get(i);
            project(p, projectValidated(p, uai, "prof." + s, currentYear(), 25, i == 1 ? failing : fine));
            awaitReasons(p, "school-not-designated");
        }
        membership(siren, adhesionEffective(siren, "COMMUNE", today().plusDays(1), currentYear(), uai));
        projects.forEach(p -> awaitReasons(p, "adhesion-not-effective"));

        // the middle class's licence cannot be stored: the whole roll-out of the run fails
        sql("CREATE FUNCTION fail_licence_" + s + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.resource_code = '"
                + failing + "' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$");
        sql("CREATE TRIGGER fail_licence_" + s + " BEFORE INSERT ON licence FOR EACH ROW EXECUTE FUNCTION fail_licence_" + s + "()");
        clock.moveTo(today().plusDays(1));
        try {
            assertThrows(RuntimeException.class, () -> jobs.reevaluateDue());
        } finally {
            sql("DROP TRIGGER fail_licence_" + s + " ON licence");
            sql("DROP FUNCTION fail_licence_" + s + "()");
        }
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ANY(?::uuid[]) "
                + "AND status = 'PENDING' AND reasons = 'adhesion-not-effective' AND member_id IS NULL", ids(projects)));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE member_id = ?", siren), "no account");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM licence WHERE project_id = ANY(?::uuid[])", ids(projects)));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", siren), "no event");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM login_counter WHERE base = ?", "prof." + s));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM member_access WHERE member_id = ?", siren));

        jobs.reevaluateDue();
        jobs.reevaluateDue(); // once deployed, a class is never deployed again
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM class_deployment WHERE project_id = ANY(?::uuid[]) "
                + "AND status = 'DEPLOYED' AND member_id = ?", ids(projects), siren));
        assertEquals(3 * 26, ServiceDatabase.count("SELECT count(*) FROM account WHERE member_id = ?", siren));
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM account WHERE member_id = ? AND login IN (?, ?, ?)", siren,
                "prof." + s, "prof." + s + "2", "prof." + s + "3"));
        assertEquals(3, ServiceDatabase.count("SELECT count(*) FROM licence WHERE project_id = ANY(?::uuid[]) AND quantity = 25",
                ids(projects)));
        assertEquals(3 * 4, ServiceDatabase.count("SELECT count(*) FROM outbox_event WHERE record_key = ?", siren),
                "class-deployed, accounts-provisioned, licences-assigned, access-started per class, once");
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM member_access WHERE member_id = ? AND first_project_id = ?",
                siren, projects.get(0)));
    }

    static void sql(String statement) throws java.sql.SQLException {
        try (java.sql.Connection c = ServiceDatabase.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    static String ids(List<UUID> projects) {
        return projects.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
