package fr.somme.ent.membership;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assertions;

import fr.somme.ent.commons.ids.Luhn;
import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Test data: unique identifiers per call, members outside the real Somme data (SIRENs starting 99, INSEE codes 809xx)
 * so that the reference import never collides with them. All test classes share one database, cleaned when the
 * application starts (Flyway clean-at-start), and one application start (one test profile, {@link FixedClock}):
 * identifiers come from counters over pools of valid values, so two calls can never give the same one, and a pool
 * that runs out fails loudly instead of wrapping round.
 */
public final class Fixtures {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicInteger NEXT_UAI = new AtomicInteger();
    private static final AtomicInteger NEXT_INSEE = new AtomicInteger();

    private Fixtures() {
    }

    public static String siren() {
        String eight = "99" + String.format("%06d", next(NEXT, 999_999, "SIREN"));
        for (int d = 0; d <= 9; d++) {
            if (Luhn.isValid(eight + d)) {
                return eight + d;
            }
        }
        throw new IllegalStateException();
    }

    public static String uai() {
        String seven = "080" + String.format("%04d", 5_000 + next(NEXT_UAI, 4_999, "UAI"));
        return seven + Uai.checkLetter(seven);
    }

    /**
     * A school of the reference (source DSDEN, so that the open-data import never touches it) in the given commune, with
     * the given detailed level (MATERNELLE, ELEMENTAIRE, PRIMAIRE, COLLEGE); returns its UAI.
     */
    public static String school(String communeInsee, String detailedLevel) {
        String uai = uai();
        execute("INSERT INTO school (uai, name, commune_insee, detailed_level, sector, open, source, updated_at) "
                + "VALUES (?, ?, ?, ?, 'PUBLIC', true, 'DSDEN', now())", uai, "École " + uai, communeInsee, detailedLevel);
        return uai;
    }

    /**
     * A school the member may designate (art. 3): an école of its commune for a commune, of one of its communes for an
     * EPCI, a collège of Amiens for the Département, an école of Amiens for a school syndicate or another establishment.
     */
    public static String schoolOf(String memberId) {
        String kind = text("SELECT kind FROM member WHERE id = ?", memberId);
        return switch (kind) {
            case "COMMUNE" -> school(text("SELECT insee_code FROM member WHERE id = ?", memberId), "PRIMAIRE");
            case "EPCI" -> school(text("SELECT min(insee_code) FROM member WHERE epci_siren = ?", memberId), "ELEMENTAIRE");
            case "DEPARTEMENT" -> school("80021", "COLLEGE");
            default -> school("80021", "PRIMAIRE");
        };
    }

    /** INSEE codes 80900–80999: after the Somme's real ones (up to 80836), in département 80. */
    public static String insee() {
        return "809" + String.format("%02d", next(NEXT_INSEE, 99, "INSEE code") - 1);
    }

    private static int next(AtomicInteger counter, int max, String what) {
        int n = counter.incrementAndGet();
        if (n > max) {
            throw new IllegalStateException("the tests used up their " + max + " " + what + "s: widen the pool in Fixtures");
        }
        return n;
    }

    /**
     * Today for the service: its own injectable Clock, which every test class pins with {@code @TestProfile(FixedClock.class)}.
     * Fails if the clock is not pinned, so that no expectation is ever computed from the system clock.
     */
    public static LocalDate today() {
        if (ConfigProvider.getConfig().getOptionalValue("ent.clock.fixed", String.class).isEmpty()) {
            throw new IllegalStateException("the service's clock is not fixed: annotate the test class with @TestProfile(FixedClock.class)");
        }
        return LocalDate.now(Arc.container().instance(Clock.class).get());
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
        String uai = schoolOf(siren);
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

    /**
     * Everything the service stores about a member, as text: its row, its adhesions and their history, its designations
     * (current lists and revisions), its opt-outs and the events written for it (id and type; the relay's bookkeeping
     * is left out). Two equal snapshots around a refused request prove that the refusal changed nothing.
     */
    public static String stateOf(String memberId) {
        return String.join("\n",
                text("SELECT string_agg(m::text, '|') FROM member m WHERE id = ?", memberId),
                text("SELECT string_agg(a::text, '|' ORDER BY a.id) FROM adhesion a WHERE member_id = ?", memberId),
                text("SELECT string_agg(t::text, '|' ORDER BY t.id) FROM adhesion_transition t JOIN adhesion a ON a.id = t.adhesion_id "
                        + "WHERE a.member_id = ?", memberId),
                text("SELECT string_agg(d::text, '|' ORDER BY d.school_year, d.uai) FROM school_designation d WHERE member_id = ?", memberId),
                text("SELECT string_agg(r::text, '|' ORDER BY r.school_year, r.revision) FROM designation_revision r WHERE member_id = ?",
                        memberId),
                text("SELECT string_agg(o::text, '|' ORDER BY o.id) FROM component_opt_out o WHERE member_id = ?", memberId),
                text("SELECT string_agg(id || ' ' || event_type, '|' ORDER BY seq) FROM outbox_event WHERE record_key = ?", memberId));
    }

    /** Runs a request that must be refused and checks that it changed nothing for any of the given members. */
    public static void refusedWithoutChange(Runnable refused, String... memberIds) {
        List<String> before = new ArrayList<>();
        for (String id : memberIds) {
            before.add(stateOf(id));
        }
        refused.run();
        for (int i = 0; i < memberIds.length; i++) {
            Assertions.assertEquals(before.get(i), stateOf(memberIds[i]), "the refused request changed what is stored for member " + memberIds[i]);
        }
    }

    /** The single text value of a query (null when it has no row or a null value). */
    public static String text(String sql, Object... params) {
        try (Connection c = ServiceDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }

    /** A statement on the test database, for states the API cannot produce any more (e.g. after a change of configuration). */
    public static void execute(String sql, Object... params) {
        try (Connection c = ServiceDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("statement failed: " + sql, e);
        }
    }
}
