package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static fr.somme.ent.provisioning.service.BilanEvents.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Art. 5: the bilans of a school year for the Comité Départemental du Numérique, per member and per circonscription:
 * classes deployed and closed, accounts created and activated, licences per resource, contributions called and paid.
 */
@QuarkusTest
@TestProfile(FixedClock.class)
class BilansTest {

    /** Two members, three circonscriptions' worth of classes, contributions; see {@link #twoMembers()}. */
    record Year(String a, String b, String c1, String c2, String r1, String r2) {
    }

    /**
     * Member a: a class in c1 (3 students, r1 and r2, 2 accounts activated), a class in c2 (2 students, r1) withdrawn
     * after deployment (closed); contributions 1250.00 called and paid, 300.00 called then cancelled, 99.00 of last
     * year. Member b: a class in c2 (4 students, r2, 1 account activated), a class still pending; 480.50 called.
     */
    static Year twoMembers() {
        String r1 = LicencesTest.resource(false, "12.50");
        String r2 = LicencesTest.resource(false, "3.00");
        String a = siren();
        String b = siren();
        String c1 = "C" + letters();
        String c2 = "C" + letters();
        String a1 = uai();
        String a2 = uai();
        String b1 = uai();
        membership(a, adhesionEffective(a, "COMMUNE", today().minusDays(30), currentYear(), a1, a2));
        membership(b, adhesionEffective(b, "COMMUNE", today().minusDays(30), currentYear(), b1));
        UUID first = deployedClass(a1, c1, 3, r1, r2);
        UUID withdrawn = deployedClass(a2, c2, 2, r1);
        UUID third = deployedClass(b1, c2, 4, r2);
        UUID pending = UUID.randomUUID();
        project(pending, projectValidated(pending, uai(), "prof." + letters(), currentYear(), 9, r1));
        awaitReasons(pending, "school-not-designated");
        project(withdrawn, projectWithdrawn(withdrawn, a2, "t", currentYear(), 2, today()));
        awaitStatus(withdrawn, "CLOSED");
        activate(first, 2);
        activate(third, 1);

        UUID call = UUID.randomUUID();
        UUID cancelledCall = UUID.randomUUID();
        billing(a, issued(a, call, currentYear(), "1250.00"));
        billing(a, issued(a, cancelledCall, currentYear(), "300.00"));
        billing(a, cancelled(a, cancelledCall, "300.00"));
        billing(a, paid(a, call, currentYear(), "1250.00"));
        billing(a, issued(a, UUID.randomUUID(), previousYear(), "99.00"));
        billing(b, issued(b, UUID.randomUUID(), currentYear(), "480.50"));
        return new Year(a, b, c1, c2, r1, r2);
    }

    static ValidatableResponse bilan(String token) {
        return given().auth().oauth2(token).queryParam("schoolYear", currentYear()).get("/reports/bilans").then()
                .statusCode(200).body("schoolYear", equalTo(currentYear()));
    }

    static void assertLine(ValidatableResponse r, String path, int deployed, int closed, int created, int activated,
            String rate, Map<String, Integer> licences) {
        r.body(path + ".classesDeployed", equalTo(deployed)).body(path + ".classesClosed", equalTo(closed))
                .body(path + ".accountsCreated", equalTo(created)).body(path + ".accountsActivated", equalTo(activated))
                .body(path + ".activationRate", equalTo(rate)).body(path + ".licences", equalTo(licences));
    }

    static String member(String siren) {
        return "byMember.find { it.memberId == '" + siren + "' }";
    }

    static String circonscription(String code) {
        return "byCirconscription.find { it.circonscriptionCode == '" + code + "' }";
    }

    @Test
    void bilanCountsDeployedAndClosedClassesAccountsLicencesAndContributionsPerMemberAndCirconscription() {
        Year y = twoMembers();
        for (String token : new String[] { Tokens.operator(), Tokens.of("dsden-agent", "dsden").sign() }) {
            Awaitility.await("bilan with the contributions").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ValidatableResponse r = bilan(token);
                // a: 2 classes deployed (1 closed since), 4 + 3 accounts, 2 activated: 28.6 %
                assertLine(r, member(y.a()), 2, 1, 7, 2, "28.6", Map.of(y.r1(), 5, y.r2(), 3));
                r.body(member(y.a()) + ".contributionsCalled", equalTo("1250.00"))
                        .body(member(y.a()) + ".contributionsPaid", equalTo("1250.00"));
                // b: the pending class counts for nothing
                assertLine(r, member(y.b()), 1, 0, 5, 1, "20.0", Map.of(y.r2(), 4));
                r.body(member(y.b()) + ".contributionsCalled", equalTo("480.50"))
                        .body(member(y.b()) + ".contributionsPaid", equalTo("0.00"));
                // per circonscription, whatever the member, without contributions
                assertLine(r, circonscription(y.c1()), 1, 0, 4, 2, "50.0", Map.of(y.r1(), 3, y.r2(), 3));
                assertLine(r, circonscription(y.c2()), 2, 1, 8, 1, "12.5", Map.of(y.r1(), 2, y.r2(), 4));
                r.body(circonscription(y.c2()) + ".contributionsCalled", nullValue());
            });
        }
        // last year's call is in last year's bilan only
        given().auth().oauth2(Tokens.memberAgent(y.a())).queryParam("schoolYear", previousYear()).get("/reports/bilans")
                .then().statusCode(200).body("byMember.size()", equalTo(1)).body(member(y.a()) + ".classesDeployed", equalTo(0))
                .body(member(y.a()) + ".contributionsCalled", equalTo("99.00")).body("byCirconscription.size()", equalTo(0));
    }

    @Test
    void aMemberAgentSeesOnlyItsOwnLines() {
        Year y = twoMembers();
        Awaitility.await("b's contributions").atMost(Duration.ofSeconds(30)).untilAsserted(() -> bilan(Tokens.operator())
                .body(member(y.b()) + ".contributionsCalled", equalTo("480.50")));
        Awaitility.await("a's contributions").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ValidatableResponse r = bilan(Tokens.memberAgent(y.a()));
            r.body("byMember.size()", equalTo(1)).body("byMember[0].memberId", equalTo(y.a()));
            assertLine(r, "byMember[0]", 2, 1, 7, 2, "28.6", Map.of(y.r1(), 5, y.r2(), 3));
            // its classes only in each circonscription: b's class in c2 is not counted
            r.body("byCirconscription.size()", equalTo(2));
            assertLine(r, circonscription(y.c1()), 1, 0, 4, 2, "50.0", Map.of(y.r1(), 3, y.r2(), 3));
            assertLine(r, circonscription(y.c2()), 1, 1, 3, 0, "0.0", Map.of(y.r1(), 2));
            assertLine(r, "totals", 2, 1, 7, 2, "28.6", Map.of(y.r1(), 5, y.r2(), 3));
            r.body("totals.contributionsCalled", equalTo("1250.00")).body("totals.contributionsPaid", equalTo("1250.00"));
        });
        given().auth().oauth2(Tokens.memberAgent(y.b())).queryParam("schoolYear", currentYear()).queryParam("by", "member")
                .get("/reports/bilans.csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(y.a())));
    }

    @Test
    void onlyTheOperatorTheDsdenAndMemberAgentsGetBilansAndBadParametersAreProblems() {
        String year = currentYear();
        for (String token : new String[] { Tokens.teacher("prof.x", uai()), Tokens.ien("0801"),
                Tokens.of("fin", "finance").sign(), Tokens.of("ent-platform", "partner").sign() }) {
            given().auth().oauth2(token).queryParam("schoolYear", year).get("/reports/bilans").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).queryParam("schoolYear", year).get("/reports/bilans.csv").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().queryParam("schoolYear", year).get("/reports/bilans").then().statusCode(401);
        given().auth().oauth2(Tokens.of("agent-without-member", "member-agent").sign()).queryParam("schoolYear", year)
                .get("/reports/bilans").then().statusCode(403).contentType("application/problem+json");
        for (String bad : new String[] { "", "2026-2028", "2026/2027", "26-27" }) {
            given().auth().oauth2(Tokens.operator()).queryParam("schoolYear", bad).get("/reports/bilans").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://ent.somme-numerique.fr/problems/school-year"));
            given().auth().oauth2(Tokens.operator()).queryParam("schoolYear", bad).get("/reports/bilans.csv").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.operator()).get("/reports/bilans").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).queryParam("schoolYear", year).queryParam("by", "school")
                .get("/reports/bilans.csv").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/by"));
    }
}
