package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Bulk: a member's adhesion taking effect deploys all its waiting classes in one event, in batches. */
@QuarkusTest
@TestProfile(FixedClock.class)
class BulkRollOutTest {

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

    static String ids(List<UUID> projects) {
        return projects.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
