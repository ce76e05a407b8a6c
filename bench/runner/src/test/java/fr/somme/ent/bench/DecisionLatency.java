package fr.somme.ent.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.bench.Suite.Service;
import fr.somme.ent.testsupport.Tokens;

/**
 * Row b, end to end through REST: a teacher writes and submits a project (not timed); the IEN validates it
 * ({@code POST /projects/{id}/decision}, project-validation) and the clock runs until provisioning's
 * {@code GET /classes/{id}} shows it DEPLOYED (polled every 5 ms). The school is designated by a commune whose
 * {@code adhesion-effective} is published once at set-up. Two tries of warm-up are not counted.
 */
final class DecisionLatency {

    static final String CIRCONSCRIPTION = "0801";
    static final String IEN = "ien-bench";
    static final String SIREN = Ids.siren(900_000);
    static final String UAI = Ids.uai("080", 9000);

    private final Suite suite;
    private final Events events;
    private String lastProject;

    DecisionLatency(Suite suite, Events events) {
        this.suite = suite;
        this.events = events;
    }

    /** A project validated by this row (for the REST reads of row c). */
    String lastProject() {
        return lastProject;
    }

    static String ien() {
        return Tokens.of(IEN, "ien").claim("circonscription", CIRCONSCRIPTION).sign();
    }

    /** Sorted latencies (nanoseconds) of {@code tries} decisions, after two of warm-up. */
    long[] run(int tries) {
        setUp();
        long[] latencies = new long[tries];
        for (int i = -2; i < tries; i++) {
            long nanos = oneDecision("B-" + (i + 2));
            if (i >= 0) {
                latencies[i] = nanos;
            }
        }
        return Report.sorted(latencies);
    }

    private void setUp() {
        String dsden = Tokens.of("dsden-si", "dsden").sign();
        String pv = suite.url(Service.PROJECT_VALIDATION);
        Http.post(pv + "/reference-data", dsden, Map.of(
                "circonscriptions", List.of(Map.of("code", CIRCONSCRIPTION, "name", "Amiens 1 (banc d'essai)",
                        "ien", Map.of("id", IEN, "displayName", "IEN banc d'essai"))),
                "schools", List.of(Map.of("uai", UAI, "name", "ECOLE DU BANC D'ESSAI", "communeInsee", "80021",
                        "level", "ELEMENTAIRE", "sector", "PUBLIC", "circonscriptionCode", CIRCONSCRIPTION))), 200);
        Http.post(pv + "/dsden-conventions", dsden, Map.of("reference", "CONV-BENCH-2026", "validFrom", "2026-09-01",
                "validTo", "2029-08-31", "signedOn", "2026-06-30"), 201);
        events.await(events.send(Events.MEMBERSHIP, SIREN, events.adhesionEffective(SIREN, LocalDate.of(2026, 7, 6),
                RollOut.YEAR, List.of(new Events.School(UAI, 30, 750)))));
    }

    private long oneDecision(String label) {
        String teacher = Tokens.teacher("teacher-bench", UAI);
        String pv = suite.url(Service.PROJECT_VALIDATION);
        String project = Http.post(pv + "/projects", teacher, Map.of("schoolUai", UAI, "classLabel", label,
                "levels", List.of("CM2"), "schoolYear", RollOut.YEAR, "students", RollOut.STUDENTS,
                "objectives", "Cahier de textes et blog de classe; lecture suivie en ligne avec les familles.",
                "requestedResources", List.of()), 201).path("id").asText();
        Http.post(pv + "/projects/" + project + "/submit", teacher, Map.of(), 200);
        String ien = ien();
        String operator = Tokens.operator();
        String classUrl = suite.url(Service.PROVISIONING) + "/classes/" + project;

        long t0 = System.nanoTime();
        Http.post(pv + "/projects/" + project + "/decision", ien, Map.of("decision", "VALIDATED"), 200);
        Wait.until("class " + project + " DEPLOYED", Duration.ofSeconds(180), Duration.ofMillis(5),
                () -> {
                    JsonNode c = Http.getOrNull(classUrl, operator);
                    return c != null && "DEPLOYED".equals(c.path("status").asText());
                });
        long nanos = System.nanoTime() - t0;

        JsonNode deployed = Http.get(classUrl, operator);
        if (!SIREN.equals(deployed.path("memberId").asText()) || deployed.path("teacherAccounts").asInt() != 1
                || deployed.path("studentAccounts").asInt() != RollOut.STUDENTS) {
            throw new AssertionError("class " + project + " deployed with the wrong member or accounts: " + deployed);
        }
        lastProject = project;
        return nanos;
    }
}
