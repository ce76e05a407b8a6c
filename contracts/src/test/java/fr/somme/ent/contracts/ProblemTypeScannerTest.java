package fr.somme.ent.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The scanner behind the errors catalogue's check finds slugs however the code writes them, and says when it cannot. */
class ProblemTypeScannerTest {

    @Test
    void findsSlugsWrittenAsLiteralsConstantsLocalsSwitchesAndHelperParameters() {
        ProblemTypeScanner.Result r = ProblemTypeScanner.scanSource("""
                class Rules {
                    static final String SLUG = "from-constant";
                    void a() { throw Rejection.conflict("literal-conflict", "why"); }
                    void b() { throw Rejection.ruleNotSatisfied(SLUG, "why"); }
                    void c() { throw ProblemException.badRequest("bad-one", "why"); }
                    void d(int status) {
                        String slug = switch (status) { case 404 -> "not-here"; default -> "http-" + status; };
                        Problem.of(slug, "t", status, "d");
                    }
                    void e() { require("via-helper"); }
                    private void require(String slug) { throw Rejection.invalidInput(slug, "why"); }
                    void f() { throw new ProblemException(413, "too-large", "t", "d"); }
                    void g() { throw new Rejection(Kind.CONFLICT, "by-constructor", "why"); }
                    static final String URI = "https://ent.somme-numerique.fr/problems/as-uri";
                }
                """);
        assertEquals(List.of(), r.unresolved());
        assertEquals(Map.of("literal-conflict", Set.of(409), "from-constant", Set.of(422), "bad-one", Set.of(400),
                "not-here", Set.of(404), "http-*", Set.of(), "via-helper", Set.of(400), "too-large", Set.of(413),
                "by-constructor", Set.of(409), "as-uri", Set.of()), r.statusesBySlug());
    }

    @Test
    void reportsASlugItCannotFollow() {
        ProblemTypeScanner.Result r = ProblemTypeScanner.scanSource("""
                class Rules {
                    void a(Thing t) { throw Rejection.conflict(t.name(), "why"); }
                }
                """);
        assertEquals(1, r.unresolved().size(), r.unresolved().toString());
    }
}
