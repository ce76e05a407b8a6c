package fr.somme.ent.membership;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import fr.somme.ent.commons.ids.Luhn;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Test data: unique identifiers per call (all tests share one database), members outside the real Somme data
 * (SIRENs starting 99, INSEE codes 809xx) so that the reference import never collides with them.
 */
public final class Fixtures {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 500_000));
    private static final AtomicInteger NEXT_UAI = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 4_000));
    private static final AtomicInteger NEXT_INSEE = new AtomicInteger(900);

    private Fixtures() {
    }

    public static String siren() {
        String eight = "99" + String.format("%06d", NEXT.incrementAndGet());
        for (int d = 0; d <= 9; d++) {
            if (Luhn.isValid(eight + d)) {
                return eight + d;
            }
        }
        throw new IllegalStateException();
    }

    public static String uai() {
        String seven = "080" + String.format("%04d", 5_000 + NEXT_UAI.incrementAndGet());
        return seven + Uai.checkLetter(seven);
    }

    public static String insee() {
        return "80" + NEXT_INSEE.incrementAndGet();
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    public static String currentSchoolYear() {
        return SchoolYear.containing(today()).name();
    }

    public static String nextSchoolYear() {
        return SchoolYear.containing(today()).next().name();
    }

    public static String operator() {
        return Tokens.operator();
    }

    public static String memberJson(String siren, String kind, String name, String insee, String departement, boolean competence) {
        return "{\"siren\":\"" + siren + "\",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\","
                + (insee == null ? "" : "\"inseeCode\":\"" + insee + "\",")
                + (departement == null ? "" : "\"departement\":\"" + departement + "\",")
                + "\"schoolCompetence\":" + competence + "}";
    }

    /** A commune with the school competence, registered by an operator. */
    public static String commune() {
        String siren = siren();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, "COMMUNE", "Commune " + siren, insee(), null, true))
                .when().post("/members").then().statusCode(201);
        return siren;
    }

    public static String member(String kind, boolean competence) {
        String siren = siren();
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body(memberJson(siren, kind, kind + " " + siren, null, "80", competence))
                .when().post("/members").then().statusCode(201);
        return siren;
    }

    public static ValidatableResponse deliberate(String token, String siren, LocalDate date) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"number\":\"D-" + siren + "\",\"date\":\"" + date + "\",\"charterApproved\":true,\"executiveAuthorised\":true}")
                .when().post("/members/" + siren + "/adhesions").then();
    }

    public static String deliberated(String siren) {
        return deliberate(operator(), siren, today().minusDays(40)).statusCode(201).extract().path("id");
    }

    public static String schoolsJson(String... uais) {
        List<String> items = new ArrayList<>();
        for (String uai : uais) {
            items.add("{\"uai\":\"" + uai + "\",\"name\":\"École " + uai + "\",\"classes\":4,\"students\":97}");
        }
        return "{\"schools\":[" + String.join(",", items) + "]}";
    }

    public static ValidatableResponse designate(String token, String siren, String year, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/members/" + siren + "/designations/" + year).then();
    }

    public static ValidatableResponse sign(String token, String siren, String adhesion, LocalDate on) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"signedOn\":\"" + on + "\"}")
                .when().post("/members/" + siren + "/adhesions/" + adhesion + "/charter-signature").then();
    }

    public static ValidatableResponse transmit(String token, String siren, String adhesion, String document, LocalDate on) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"document\":\"" + document + "\",\"transmittedOn\":\"" + on + "\"}")
                .when().post("/members/" + siren + "/adhesions/" + adhesion + "/transmissions").then();
    }

    /** A commune with an effective adhesion (effective on today - 5 days) designating one school this school year. */
    public static Map<String, String> effectiveCommune() {
        String siren = commune();
        String adhesion = deliberated(siren);
        String uai = uai();
        designate(operator(), siren, currentSchoolYear(), schoolsJson(uai)).statusCode(200);
        sign(operator(), siren, adhesion, today().minusDays(30)).statusCode(200);
        transmit(operator(), siren, adhesion, "DELIBERATION", today().minusDays(10)).statusCode(200);
        transmit(operator(), siren, adhesion, "CHARTER", today().minusDays(5)).statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("EFFECTIVE"));
        return Map.of("siren", siren, "adhesion", adhesion, "uai", uai);
    }

    /** The payloads of the events of a type written to the outbox for a member, oldest first. */
    public static List<String> events(String memberId, String type) {
        try (Connection c = ServiceDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT payload FROM outbox_event WHERE record_key = ? AND event_type = ? ORDER BY seq")) {
            ps.setString(1, memberId);
            ps.setString(2, type);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
