package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.ActivationCodes;
import fr.somme.ent.provisioning.domain.Person;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import fr.somme.ent.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Rules 10 and 12 (art. 2): accounts with unique logins, login sheets handed out once, no names outside this service. */
@QuarkusTest
@TestProfile(FixedClock.class)
class AccountsAndLoginSheetTest {

    @Inject
    AccountService accounts;

    @Inject
    ActivationCodes codes;

    static String suffix() {
        return letters();
    }

    @Test
    void loginsAreFirstnameDotLastnameWithoutAccentsCutTo30AndCollisionsGetANumberFrom2() {
        String s = suffix();
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        String teacher = "claire.roux" + s;
        String longName = "Wolfeschlegelsteinhausen" + s + "bergerdorff";
        project(project, projectValidated(project, uai, teacher, currentYear(), 5));
        awaitReasons(project, "school-not-designated");

        String teacherToken = Tokens.teacher(teacher, uai);
        List<String> logLines = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                String msg = r instanceof org.jboss.logmanager.ExtLogRecord e ? e.getFormattedMessage() : r.getMessage();
                logLines.add(msg + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger.getLogger("").addHandler(capture);
        given().auth().oauth2(teacherToken).contentType(ContentType.JSON)
                .body("[{\"lastName\":\"Dupont" + s + "\",\"firstName\":\"Jean\"},{\"lastName\":\"Dupont" + s + "\",\"firstName\":\"Jean\"},"
                        + "{\"lastName\":\"D'Artagnan-" + s + "\",\"firstName\":\"Hélène\"},"
                        + "{\"lastName\":\"" + longName + "\",\"firstName\":\"Jean-Baptiste\"}]")
                .put("/classes/" + project + "/roster").then().statusCode(200).body("students", equalTo(4));
        // CSV replaces the JSON roster: header, ';' separator, quoted cells
        given().auth().oauth2(teacherToken).contentType("text/csv; charset=UTF-8")
                .body("nom;prénom\nDupont" + s + ";Jean\nDupont" + s + ";Jean\n\"D'Artagnan-" + s + "\";Hélène\n" + longName
                        + ";Jean-Baptiste\nÉlodie;Zoë-" + s + "\n")
                .put("/classes/" + project + "/roster").then().statusCode(200).body("students", equalTo(5));

        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        awaitStatus(project, "DEPLOYED");

        List<String> logins = given().auth().oauth2(teacherToken).get("/classes/" + project + "/accounts").then().statusCode(200)
                .extract().jsonPath().getList("login");
        assertEquals(Set.of("claire.roux" + s, "jean.dupont" + s, "jean.dupont" + s + "2", "helene.dartagnan" + s,
                "jeanbaptiste." + (longName.toLowerCase()).substring(0, 30), "zoe" + s + ".elodie"), new TreeSet<>(logins));

        // roster frozen once deployed
        given().auth().oauth2(teacherToken).contentType(ContentType.JSON).body("[{\"lastName\":\"X\",\"firstName\":\"Y\"}]")
                .put("/classes/" + project + "/roster").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/class-already-deployed"));
        assertEquals(5, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ?", project), "roster unchanged");
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM roster_entry WHERE project_id = ? AND last_name = 'X'", project));

        java.util.logging.Logger.getLogger("").removeHandler(capture);
        assertTrue(logLines.stream().anyMatch(l -> l.contains(project.toString())), "the deployment was logged (by id)");
        for (String line : logLines) {
            String v = line.toLowerCase();
            for (String personal : List.of("dupont" + s, "artagnan", s + "bergerdorff", "hélène", "élodie")) {
                assertFalse(v.contains(personal), "a name in the logs: " + line);
            }
        }

        // no student name, no login in any produced event (access-started is the deployment's last one)
        TopicProbe.awaitRecord(OUT, r -> siren.equals(r.key()) && r.value().contains("access-started"));
        List<ConsumerRecord<String, String>> produced = TopicProbe.readAll(OUT, r -> siren.equals(r.key()));
        assertTrue(produced.size() >= 3);
        for (ConsumerRecord<String, String> r : produced) {
            String v = r.value().toLowerCase();
            for (String personal : List.of("dupont" + s, "artagnan", s + "bergerdorff", "hélène", "helene", "élodie", "elodie")) {
                assertFalse(v.contains(personal), "a name in " + r.value());
            }
        }
    }

    @Test
    void theLoginSheetIsHandedOutOnceAndCodesAreStoredOnlyAsAnHmac() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        String teacher = "luc.petit" + suffix();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        project(project, projectValidated(project, uai, teacher, currentYear(), 3));
        awaitStatus(project, "DEPLOYED");

        String teacherToken = Tokens.teacher(teacher, uai);
        String csv = given().auth().oauth2(teacherToken).post("/classes/" + project + "/login-sheet").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("login,role,lastName,firstName,activationCode", lines[0]);
        assertEquals(5, lines.length, "header + teacher + 3 seats");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            String code = cells[4];
            assertTrue(code.matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$"), code);
            assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM account WHERE activation_code_hash = ? OR login = ? "
                    + "OR last_name = ? OR first_name = ?", code, code, code, code), "the code is not stored in clear");
            assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM account WHERE login = ? AND activation_code_hash = ?",
                    cells[0], codes.hash(code)), "its HMAC is");
        }
        String hashes = "SELECT string_agg(login || ':' || activation_code_hash, ',' ORDER BY login) FROM account WHERE project_id = ?";
        String before = text(hashes, project);
        given().auth().oauth2(teacherToken).post("/classes/" + project + "/login-sheet").then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/login-sheet-already-issued"));
        assertEquals(before, text(hashes, project), "no new code drawn by the refused second sheet");
    }

    @Test
    void anonymousSeatsAreNamedLaterAndThePrintableSheetListsThem() {
        String s = suffix();
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        String teacher = "remi.noel" + s;
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        project(project, projectValidated(project, uai, teacher, currentYear(), 2));
        awaitStatus(project, "DEPLOYED");
        String token = Tokens.teacher(teacher, uai);
        var accounts = given().auth().oauth2(token).get("/classes/" + project + "/accounts").then().statusCode(200)
                .extract().jsonPath();
        // the teacher's login from the teacher id, the seats' from the school: eleve.<uai>, then eleve.<uai>2
        String seatLogin = "eleve." + uai.toLowerCase(java.util.Locale.ROOT);
        assertEquals(Set.of(teacher, seatLogin, seatLogin + "2"), new TreeSet<>(accounts.<String>getList("login")));
        assertEquals(List.of("STUDENT", "STUDENT"), accounts.<String>getList("findAll { it.login.startsWith('eleve.') }.role"));
        String seat = accounts.getString("find { it.login == '" + seatLogin + "' }.id");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"lastName\":\"Durand" + s + "\",\"firstName\":\"Émile\"}")
                .put("/classes/" + project + "/seats/" + seat).then().statusCode(200)
                .body("login", equalTo("emile.durand" + s)).body("lastName", equalTo("Durand" + s));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"lastName\":\"Autre\",\"firstName\":\"Nom\"}")
                .put("/classes/" + project + "/seats/" + seat).then().statusCode(409)
                .body("type", equalTo("https://ent.somme-numerique.fr/problems/seat-not-anonymous"));
        assertEquals(Set.of(teacher, "emile.durand" + s, seatLogin + "2"), new TreeSet<>(given().auth().oauth2(token)
                .get("/classes/" + project + "/accounts").then().statusCode(200).extract().jsonPath().<String>getList("login")),
                "the refused renaming changed nothing; the other seat keeps its login");

        String html = given().auth().oauth2(token).queryParam("format", "html").post("/classes/" + project + "/login-sheet")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
        assertTrue(html.contains("emile.durand" + s), html);
        assertTrue(html.contains("Émile Durand" + s), html);
        assertEquals(3, html.split("class=\"code\"").length - 1, "teacher + 2 students");
    }

    @Test
    void loginsStayUniqueWhenTwoClassesAreProvisionedConcurrently() throws Exception {
        String s = suffix();
        String siren = siren();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Account>>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            UUID project = UUID.randomUUID();
            Callable<List<Account>> job = () -> QuarkusTransaction.requiringNew().call(() -> {
                List<Person> people = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    people.add(Person.student("Jean", "Dupont" + s));
                }
                return accounts.createAll(List.of(new AccountService.Seats(project, siren, people)));
            });
            results.add(pool.submit(job));
        }
        Set<String> logins = new TreeSet<>();
        for (Future<List<Account>> f : results) {
            f.get().forEach(c -> logins.add(c.login()));
        }
        pool.shutdown();
        Set<String> expected = new TreeSet<>();
        expected.add("jean.dupont" + s);
        for (int n = 2; n <= 12; n++) {
            expected.add("jean.dupont" + s + n);
        }
        assertEquals(expected, logins);
    }

    @Test
    void eachRoleSeesOnlyWhatItMay() {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        String teacher = "anne.leroy" + suffix();
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        project(project, projectValidated(project, uai, teacher, currentYear(), 2));
        awaitStatus(project, "DEPLOYED");
        String path = "/classes/" + project;

        // teacher: own class and its accounts; another teacher: 404
        given().auth().oauth2(Tokens.teacher(teacher, uai)).get(path + "/accounts").then().statusCode(200);
        given().auth().oauth2(Tokens.teacher("someone.else", uai)).get(path + "/accounts").then().statusCode(404);
        given().auth().oauth2(Tokens.teacher("someone.else", uai)).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.teacher("someone.else", uai)).post(path + "/login-sheet").then().statusCode(404);
        given().auth().oauth2(Tokens.teacher(teacher, uai)).get("/classes").then().statusCode(403);
        // member-agent: counts of its own member's classes, never accounts; another member: 404
        given().auth().oauth2(Tokens.memberAgent(siren)).get(path).then().statusCode(200)
                .body("studentAccounts", equalTo(2)).body("$", not(hasKey("accounts")));
        given().auth().oauth2(Tokens.memberAgent(siren)).get("/members/" + siren + "/classes").then().statusCode(200)
                .body("items.projectId", hasItems(project.toString()));
        given().auth().oauth2(Tokens.memberAgent("218000198")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.memberAgent("218000198")).get("/members/" + siren + "/classes").then().statusCode(404);
        given().auth().oauth2(Tokens.memberAgent(siren)).get(path + "/accounts").then().statusCode(403);
        // partner: SCIM only; others: 403; no token: 401
        given().auth().oauth2(Tokens.of("platform", "partner").sign()).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.ien("0801")).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.of("fin", "finance").sign()).get("/resources").then().statusCode(403);
        given().get(path).then().statusCode(401);
        // operator: all
        given().auth().oauth2(Tokens.operator()).get(path + "/accounts").then().statusCode(200);
    }
}
