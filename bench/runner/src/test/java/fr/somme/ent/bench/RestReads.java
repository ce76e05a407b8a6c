package fr.somme.ent.bench;

import java.time.Duration;
import java.util.Map;

import fr.somme.ent.bench.Suite.Service;
import fr.somme.ent.testsupport.Tokens;

/**
 * Row c: each service's main read under a closed-loop load (16 connections, fixed duration, after a warm-up) against
 * the same service's {@code /q/health/live} under the same load, in the same run. Each read is first checked to
 * answer the right thing; under load any answer but 200 is a wrong answer.
 */
final class RestReads {

    static final String MEMBER = Ids.siren(950_000);
    static final int CONNECTIONS = 16;

    /** One endpoint's figures and its service's trivial endpoint's. */
    record Result(String figure, LoadGenerator.Result read, LoadGenerator.Result health) {
    }

    private final Suite suite;
    private final Size size;
    private final LoadGenerator load = new LoadGenerator(CONNECTIONS);

    RestReads(Suite suite, Size size) {
        this.suite = suite;
        this.size = size;
    }

    /** Registers the member read by row c (membership, through REST). */
    void setUp() {
        Http.post(suite.url(Service.MEMBERSHIP) + "/members", Tokens.operator(), Map.of("siren", MEMBER, "kind", "COMMUNE",
                "name", "COMMUNE DU BANC D'ESSAI", "inseeCode", "80021", "schoolCompetence", true), 201);
    }

    Result membership() {
        String token = Tokens.memberAgent(MEMBER);
        String url = suite.url(Service.MEMBERSHIP) + "/members/" + MEMBER;
        expect(Http.get(url, token).path("id").asText().equals(MEMBER), url);
        return measure("GET /members/{siren} (membership, member agent)", Service.MEMBERSHIP, url, token);
    }

    Result provisioning(String memberWithClasses, int classes) {
        String token = Tokens.memberAgent(memberWithClasses);
        String url = suite.url(Service.PROVISIONING) + "/members/" + memberWithClasses + "/classes?size=500";
        expect(Http.get(url, token).path("items").size() == classes, url + " (" + classes + " classes)");
        return measure("GET /members/{id}/classes (provisioning, member agent, " + classes + " classes)",
                Service.PROVISIONING, url, token);
    }

    Result projects(String project) {
        String token = DecisionLatency.ien();
        String url = suite.url(Service.PROJECT_VALIDATION) + "/projects/" + project;
        expect("VALIDATED".equals(Http.get(url, token).path("state").asText()), url);
        return measure("GET /projects/{id} (project-validation, IEN)", Service.PROJECT_VALIDATION, url, token);
    }

    Result billing(String year, String paidExpenses) {
        String token = Tokens.of("finance-bench", "finance").sign();
        String url = suite.url(Service.BILLING) + "/budgets/" + year;
        expect(paidExpenses.equals(Http.get(url, token).path("paidExpenses").asText()), url + " (paid " + paidExpenses + ")");
        return measure("GET /budgets/{year} (billing, finance)", Service.BILLING, url, token);
    }

    private Result measure(String figure, Service service, String url, String token) {
        Duration warmup = Duration.ofSeconds(size.warmupSeconds());
        Duration duration = Duration.ofSeconds(size.loadSeconds());
        LoadGenerator.Result health = load.run(suite.managementUrl(service) + "/q/health/live", token, warmup, duration);
        LoadGenerator.Result read = load.run(url, token, warmup, duration);
        if (read.errors() > 0 || health.errors() > 0) {
            throw new AssertionError(figure + ": " + read.errors() + " answers were not 200 (first: " + read.firstError()
                    + "), health: " + health.errors());
        }
        return new Result(figure, read, health);
    }

    private static void expect(boolean right, String what) {
        if (!right) {
            throw new AssertionError("wrong answer from " + what);
        }
    }
}
