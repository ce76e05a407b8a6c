package fr.somme.ent.provisioning.rest;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * GET /members/{memberId}/classes is a page of the member's classes (README, Conventions → Lists), paged in SQL: newest
 * school year first, then school, class label, project id; still only the operator or the member's own agent.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class MemberClassesListTest {

    /** Classes of these schools deployed for a new member; returns the member's SIREN. */
    static String memberWithClasses(List<UUID> projects, String... uais) {
        String siren = siren();
        for (int i = 0; i < projects.size(); i++) {
            project(projects.get(i), projectValidated(projects.get(i), uais[i % uais.length], "prof." + letters(), currentYear(), 2));
        }
        projects.forEach(p -> awaitReasons(p, "school-not-designated"));
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(10), currentYear(), uais));
        projects.forEach(p -> awaitStatus(p, "DEPLOYED"));
        return siren;
    }

    static List<UUID> projects(int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(UUID.randomUUID());
        }
        return out;
    }

    @Test
    void aMembersClassesArePagedInAStableOrderAndTheAgentSeesOnlyItsOwn() {
        List<UUID> mine = projects(5);
        String uaiA = uai();
        String uaiB = uai();
        String siren = memberWithClasses(mine, uaiA, uaiB);
        String other = memberWithClasses(projects(2), uai());
        String path = "/members/" + siren + "/classes";
        String agent = Tokens.memberAgent(siren);

        JsonPath whole = Paging.page(path, agent, null, null);
        assertEquals(5, whole.getLong("total"));
        assertEquals(5, whole.getList("items").size(), "50 by default: all five");
        List<String> expected = mine.stream().map(UUID::toString)
                .sorted(Comparator.comparing((String p) -> mine.indexOf(UUID.fromString(p)) % 2 == 0 ? uaiA : uaiB)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        assertEquals(expected, whole.getList("items.projectId", String.class),
                "school, then (same label) project id; one school year");
        assertEquals(expected, Paging.walk(path, agent, 2, "projectId"), "pages of 2 give the same order");
        assertEquals(expected, Paging.walk(path, Tokens.operator(), 3, "projectId"), "the operator sees the same");
        assertEquals(List.of(siren), whole.getList("items.memberId", String.class).stream().distinct().toList());

        given().auth().oauth2(Tokens.memberAgent(other)).get(path + "?size=500").then().statusCode(404);
        given().auth().oauth2(Tokens.memberAgent(other)).get(path + "?page=1&size=1").then().statusCode(404);
        assertEquals(2, Paging.page("/members/" + other + "/classes", Tokens.memberAgent(other), 0, 500).getLong("total"));
    }

    @Test
    void aBadPageOrSizeIsA400ProblemForTheOperatorAndTheAgent() {
        String siren = siren();
        Paging.refusesBadPaging("/members/" + siren + "/classes", Tokens.memberAgent(siren));
        Paging.refusesBadPaging("/members/" + siren + "/classes", Tokens.operator());
        assertEquals(0, Paging.page("/members/" + siren + "/classes", Tokens.operator(), 0, 500).getLong("total"));
    }
}
