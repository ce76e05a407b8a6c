package fr.somme.ent.provisioning.service;

import static fr.somme.ent.provisioning.Scenario.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import fr.somme.ent.provisioning.FixedClock;
import fr.somme.ent.provisioning.Platform;
import fr.somme.ent.testsupport.ServiceDatabase;
import fr.somme.ent.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Activation by the ENT platform with the login sheet's code (issue #14): counted, locked at 5, audited. */
@QuarkusTest
@TestProfile(FixedClock.class)
class AccountActivationTest {

    static final String PROBLEMS = "https://ent.somme-numerique.fr/problems/";

    record Deployed(UUID project, String teacherToken, String login, String code, String accountId) {
    }

    /** A deployed class of one named student; its login sheet handed out by its teacher. */
    static Deployed deployed(String lastName) {
        String siren = siren();
        String uai = uai();
        UUID project = UUID.randomUUID();
        String teacher = "marc.blanc" + letters();
        project(project, projectValidated(project, uai, teacher, currentYear(), 1));
        awaitReasons(project, "school-not-designated");
        String token = Tokens.teacher(teacher, uai);
        given().auth().oauth2(token).contentType("application/json")
                .body("[{\"lastName\":\"" + lastName + "\",\"firstName\":\"Inès\"}]").put("/classes/" + project + "/roster")
                .then().statusCode(200);
        membership(siren, adhesionEffective(siren, "COMMUNE", today().minusDays(5), currentYear(), uai));
        awaitStatus(project, "DEPLOYED");
        Map<String, String> codes = Platform.loginSheet(project, token);
        String login = "ines." + lastName.toLowerCase();
        String id = text("SELECT id::text FROM account WHERE login = ?", login);
        return new Deployed(project, token, login, codes.get(login), id);
    }

    static String state(String accountId) {
        return text("SELECT state || '/' || activation_failures FROM account WHERE id = ?::uuid", accountId);
    }

    static String wrong(String code) {
        return code.startsWith("A") ? "B" + code.substring(1) : "A" + code.substring(1);
    }

    @Test
    void theRightCodeActivatesTheAccountOnceAndTheAttemptIsAuditedWithoutTheCode() {
        Deployed d = deployed("Garcia" + letters());
        Platform.activate(d.login(), d.code().toLowerCase()).then().statusCode(200).body("id", equalTo(d.accountId()))
                .body("state", equalTo("ACTIVE"));
        assertEquals("ACTIVE/0", state(d.accountId()));
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM account WHERE id = ?::uuid AND activated_at IS NOT NULL "
                + "AND activation_code_hash IS NULL", d.accountId()), "activated, its code of no use any more");
        Platform.activate(d.login(), d.code()).then().statusCode(409).body("type", equalTo(PROBLEMS + "account-already-active"));
        assertEquals("ACTIVATED,ALREADY_ACTIVE", text("SELECT string_agg(outcome, ',' ORDER BY id) FROM activation_audit "
                + "WHERE account_id = ?::uuid", d.accountId()));
        assertEquals(2, ServiceDatabase.count("SELECT count(*) FROM activation_audit WHERE account_id = ?::uuid "
                + "AND actor = 'service-account-ent-platform'", d.accountId()), "who: the platform's client");
        given().auth().oauth2(Platform.token()).get("/scim/v2/Users/" + d.accountId()).then().body("active", equalTo(true));
        Platform.activate("nobody." + letters(), d.code()).then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void fiveWrongCodesLockTheAccountUntilItsTeacherIssuesANewCode() {
        List<String> logLines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logLines.add(r instanceof org.jboss.logmanager.ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        String lastName = "Lefebvre" + letters();
        Deployed d = deployed(lastName);
        for (int i = 1; i <= 5; i++) {
            Response r = Platform.activate(d.login(), wrong(d.code()));
            r.then().statusCode(422).contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(PROBLEMS + "activation-code-invalid"));
            assertEquals("PENDING_ACTIVATION/" + i, state(d.accountId()));
        }
        Platform.activate(d.login(), d.code()).then().statusCode(409).body("type", equalTo(PROBLEMS + "activation-locked"));
        assertEquals("PENDING_ACTIVATION/5", state(d.accountId()), "locked: even the right code is refused");
        assertEquals(1, ServiceDatabase.count("SELECT count(*) FROM account WHERE id = ?::uuid AND activation_locked_at IS NOT NULL",
                d.accountId()));

        // another teacher may not issue a code; the class's teacher does, and that unlocks the account
        String path = "/classes/" + d.project() + "/accounts/" + d.accountId() + "/activation-code";
        given().auth().oauth2(Tokens.teacher("someone.else", uai())).post(path).then().statusCode(404);
        assertEquals("PENDING_ACTIVATION/5", state(d.accountId()));
        String fresh = given().auth().oauth2(d.teacherToken()).post(path).then().statusCode(200)
                .header("Cache-Control", "no-store").body("login", equalTo(d.login())).extract().path("activationCode");
        assertNotEquals(d.code(), fresh);
        assertEquals("PENDING_ACTIVATION/0", state(d.accountId()));
        Platform.activate(d.login(), d.code()).then().statusCode(422); // the old code no longer works
        Platform.activate(d.login(), fresh).then().statusCode(200).body("state", equalTo("ACTIVE"));
        given().auth().oauth2(d.teacherToken()).post(path).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "account-not-pending"));
        Logger.getLogger("").removeHandler(capture);

        assertEquals("WRONG_CODE,WRONG_CODE,WRONG_CODE,WRONG_CODE,WRONG_CODE,LOCKED,CODE_ISSUED,WRONG_CODE,ACTIVATED",
                text("SELECT string_agg(outcome, ',' ORDER BY id) FROM activation_audit WHERE account_id = ?::uuid",
                        d.accountId()));
        assertEquals(0, ServiceDatabase.count("SELECT count(*) FROM activation_audit WHERE actor LIKE ? OR actor LIKE ? "
                + "OR outcome LIKE ? OR outcome LIKE ?", "%" + d.code() + "%", "%" + fresh + "%", "%" + d.code() + "%",
                "%" + fresh + "%"), "never the code in the audit");
        assertFalse(logLines.isEmpty());
        for (String line : logLines) {
            String v = String.valueOf(line);
            for (String secret : List.of(d.code(), fresh, wrong(d.code()), lastName, d.login())) {
                assertFalse(v.contains(secret), "a code, a name or a login in the logs: " + line);
            }
        }
    }
}
