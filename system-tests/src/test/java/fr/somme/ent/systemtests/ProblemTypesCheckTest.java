package fr.somme.ent.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.somme.ent.systemtests.ProblemRecorder.Answer;

class ProblemTypesCheckTest {

    private static final String DOCUMENT = """
            openapi: 3.1.0
            paths:
              /members/{siren}/adhesions/{id}/charter-signature:
                post:
                  x-ent-problems: "409 adhesion-already-signed, 409  wrong-step"
                  responses:
                    "200": {description: OK}
                    "400": {description: Bad, content: {application/problem+json: {}}}
                    "409": {description: Conflict, content: {application/problem+json: {}}}
                    "422": {description: Rule, content: {application/problem+json: {}}}
              /members/{siren}:
                get:
                  x-ent-problems: ["422 invalid-uai"]
                  responses:
                    "4XX": {description: Error, content: {application/problem+json: {}}}
                    "409": {description: Conflict, content: {application/json: {}}}
            """;
    private static final String SIGN = "/members/{siren}/adhesions/{id}/charter-signature";
    private static final String MEMBER = "/members/{siren}";

    private final ErrorsCatalogue catalogue = ErrorsCatalogue.parse(ErrorsCatalogueReadingTest.MARKDOWN
            .replace("| `wrong-step` |", """
                    | `adhesion-already-signed` | 409 | Signed. | Read it. |
                    | `duplicate` | 409 | Exists. | Read it. |
                    | `not-found` | 404 | Unknown. | Check. |
                    | `method-not-allowed` | 405 | Wrong method. | Use another. |
                    | `wrong-step` |""".stripLeading()));
    private final ServiceDocument document = ServiceDocument.parse(DOCUMENT);

    private Optional<String> check(String method, String template, int status, String slug) {
        return ProblemTypesCheck.violation(new Answer("membership-service", method, template, status,
                slug.contains(":") ? slug : ErrorsCatalogue.TYPE_BASE + slug), catalogue, document);
    }

    @Test
    void theExtensionIsReadAsStatusSlugPairs() {
        assertEquals(Set.of("409 adhesion-already-signed", "409 wrong-step"),
                ServiceDocument.listedProblems(document.operation("POST", SIGN).orElseThrow()));
        assertEquals(Set.of("422 invalid-uai"), ServiceDocument.listedProblems(document.operation("get", MEMBER).orElseThrow()));
        assertEquals(Optional.of(MEMBER), document.template("/members/218000019?page=0"));
    }

    @Test
    void documentedAnswersPass() {
        assertEquals(Optional.empty(), check("POST", SIGN, 409, "wrong-step"));
        assertEquals(Optional.empty(), check("POST", SIGN, 400, "validation"));
        assertEquals(Optional.empty(), check("GET", MEMBER, 422, "invalid-uai"), "a 4XX response documents 422");
        assertEquals(Optional.empty(), check("GET", null, 404, "not-found"), "a generic answer to an unknown path");
        assertEquals(Optional.empty(), check("DELETE", SIGN, 405, "method-not-allowed"), "an undocumented method");
    }

    @Test
    void aTypeOrStatusTheCatalogueDoesNotGiveFailsCheckA() {
        assertTrue(check("POST", SIGN, 409, "no-such-slug").orElseThrow().startsWith("(a) no-such-slug is not a row"));
        assertTrue(check("POST", SIGN, 422, "wrong-step").orElseThrow().startsWith("(a) docs/errors.md gives wrong-step"));
        assertTrue(check("POST", SIGN, 400, "about:blank").orElseThrow().startsWith("(a) not a problem type of the suite"));
        assertTrue(check("POST", SIGN, 400, ProblemRecorder.NO_TYPE).orElseThrow().startsWith("(a)"));
    }

    @Test
    void aStatusTheOperationDoesNotDocumentAsAProblemFailsCheckB() {
        assertTrue(check("POST", SIGN, 415, "http-415").orElseThrow().startsWith("(b) the operation does not document 415"));
        assertTrue(check("GET", MEMBER, 409, "duplicate").orElseThrow().startsWith("(b)"), "409 is documented as JSON only");
    }

    @Test
    void aRuleSpecificTypeTheOperationDoesNotListFailsCheckC() {
        assertTrue(check("POST", SIGN, 422, "invalid-uai").orElseThrow().startsWith("(c) \"422 invalid-uai\" is not in"));
        assertTrue(check("GET", MEMBER, 409, "wrong-step").orElseThrow().startsWith("(b)"), "(b) is reported first");
        assertTrue(check("GET", null, 409, "wrong-step").orElseThrow().startsWith("(c) a rule-specific type answered outside"));
        assertTrue(check("PUT", MEMBER, 409, "wrong-step").orElseThrow().startsWith("(c)"), "an undocumented method");
    }

    @Test
    void theReportListsTypesOperationsCountsFailuresAndUnseenTypes(@TempDir Path dir) throws IOException {
        Answer listed = new Answer("membership-service", "POST", SIGN, 409, ErrorsCatalogue.TYPE_BASE + "wrong-step");
        Answer unlisted = new Answer("membership-service", "POST", SIGN, 422, ErrorsCatalogue.TYPE_BASE + "invalid-uai");
        ProblemTypesReport.writeClass(dir.resolve("problem-types"), "AIT", Map.of(listed, 2), Map.of("a.dlq invalid-uai", 1));
        ProblemTypesReport.writeClass(dir.resolve("problem-types"), "BIT", Map.of(listed, 3, unlisted, 1), Map.of());
        ProblemTypesReport.writeSummary(dir.resolve("problem-types"), catalogue, module -> document);
        String md = Files.readString(dir.resolve("problem-types.md"));
        assertTrue(md.contains("| `" + ErrorsCatalogue.TYPE_BASE + "wrong-step` | 409 | membership-service POST " + SIGN
                + " | 5 |"), md);
        assertTrue(md.contains("(AIT, BIT)"), md);
        assertTrue(md.contains("- (c) \"422 invalid-uai\" is not in the operation's x-ent-problems — membership-service POST "
                + SIGN + " → 422"), md);
        assertTrue(md.contains("`adhesion-already-signed` (1)"), md);
        assertTrue(md.contains("| a.dlq `invalid-uai` | 1 |"), md);
        assertEquals(List.of(), ProblemTypesCheck.violations(List.of(listed), catalogue, module -> document));
    }
}
