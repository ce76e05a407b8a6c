package fr.somme.ent.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import fr.somme.ent.bench.Suite.Service;
import fr.somme.ent.testsupport.Tokens;

/**
 * Rows a and g: the roll-out. The classes' {@code project-validated} are published first (classes PENDING: no member
 * designates their schools yet); then, timed, one {@code adhesion-effective} per commune designating its schools: the
 * gate deploys every waiting class (teacher + 25 students each). Measured from the first adhesion published until
 * every class is DEPLOYED; checked through REST (every class DEPLOYED with 1 teacher and 25 student accounts) and in
 * the database (the account rows). Limit: INSERT … SELECT of the same account rows into a temporary copy of the
 * account table (same columns, same indexes), in the same database, in the same run.
 */
final class RollOut {

    static final String YEAR = "2026-2027";
    static final int STUDENTS = 25;

    /** What one roll-out measured. */
    record Result(int classes, long accounts, long nanos, long limitNanos, int instances) {
        double accountsPerSecond() {
            return accounts / (nanos / 1e9);
        }

        double limitPerSecond() {
            return accounts / (limitNanos / 1e9);
        }
    }

    private final Suite suite;
    private final Events events;
    private final Size size;

    RollOut(Suite suite, Events events, Size size) {
        this.suite = suite;
        this.events = events;
        this.size = size;
    }

    /** One roll-out of {@code size.classes()} classes over {@code size.communes()} communes; {@code run} keeps ids apart. */
    Result run(int run) throws SQLException {
        int communes = size.communes();
        int classes = size.classes();
        int perSchool = 8;
        int schoolsPerCommune = Math.max(1, (int) Math.ceil(classes / (double) communes / perSchool));
        List<String> sirens = new ArrayList<>();
        Map<String, List<String>> uaisOf = new LinkedHashMap<>();
        List<String> allUais = new ArrayList<>();
        for (int c = 0; c < communes; c++) {
            String siren = Ids.siren(100_000 * run + c);
            sirens.add(siren);
            List<String> uais = new ArrayList<>();
            for (int k = 0; k < schoolsPerCommune; k++) {
                uais.add(Ids.uai("080", 1000 * run + c * schoolsPerCommune + k));
            }
            uaisOf.put(siren, uais);
            allUais.addAll(uais);
        }
        Map<String, Integer> classesOfSchool = new LinkedHashMap<>();
        LocalDate validatedOn = LocalDate.of(2026, 10, 1);
        for (int i = 0; i < classes; i++) {
            List<String> uais = uaisOf.get(sirens.get(i % communes));
            String uai = uais.get((i / communes) % uais.size());
            classesOfSchool.merge(uai, 1, Integer::sum);
            UUID project = UUID.randomUUID();
            events.send(Events.PROJECTS, project.toString(), events.projectValidated(project, uai, "0801",
                    "R" + run + "-" + i, YEAR, STUDENTS, validatedOn));
        }
        events.flush();
        try (Connection db = suite.database(Service.PROVISIONING)) {
            Array uaiArray = db.createArrayOf("text", allUais.toArray());
            Wait.until("the " + classes + " validated classes pending in provisioning", Duration.ofMinutes(15),
                    Duration.ofMillis(200), () -> count(db, "status = 'PENDING'", uaiArray) == classes);

            long t0 = System.nanoTime();
            for (String siren : sirens) {
                List<Events.School> schools = uaisOf.get(siren).stream().filter(classesOfSchool::containsKey)
                        .map(u -> new Events.School(u, classesOfSchool.get(u), classesOfSchool.get(u) * STUDENTS)).toList();
                events.send(Events.MEMBERSHIP, siren, events.adhesionEffective(siren, LocalDate.of(2026, 7, 6), YEAR,
                        schools));
            }
            events.flush();
            Wait.until("the " + classes + " classes DEPLOYED", Duration.ofMinutes(15), Duration.ofMillis(20),
                    () -> count(db, "status = 'DEPLOYED'", uaiArray) == classes);
            long nanos = System.nanoTime() - t0;

            long accounts = checkThroughRest(sirens, classes);
            long limit = insertSelectLimit(db, sirens, accounts);
            return new Result(classes, accounts, nanos, limit, suite.all(Service.PROVISIONING).size());
        }
    }

    /** Every class of every commune DEPLOYED with one teacher and 25 students; returns the number of accounts. */
    private long checkThroughRest(List<String> sirens, int classes) {
        String operator = Tokens.operator();
        long accounts = 0;
        int deployed = 0;
        for (String siren : sirens) {
            JsonNode list = Http.get(suite.url(Service.PROVISIONING) + "/members/" + siren + "/classes?size=500", operator)
                    .path("items");
            for (JsonNode c : list) {
                if (!"DEPLOYED".equals(c.path("status").asText()) || c.path("teacherAccounts").asInt() != 1
                        || c.path("studentAccounts").asInt() != STUDENTS) {
                    throw new AssertionError("class " + c.path("projectId").asText() + " of " + siren + ": " + c);
                }
                deployed++;
                accounts += c.path("teacherAccounts").asInt() + c.path("studentAccounts").asInt();
            }
        }
        if (deployed != classes || accounts != (long) classes * (STUDENTS + 1)) {
            throw new AssertionError("REST shows " + deployed + " deployed classes and " + accounts + " accounts, expected "
                    + classes + " and " + (long) classes * (STUDENTS + 1));
        }
        return accounts;
    }

    /** INSERT … SELECT of the roll-out's account rows into a temporary table LIKE account INCLUDING ALL; its time. */
    private static long insertSelectLimit(Connection db, List<String> sirens, long expected) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TEMP TABLE bench_account (LIKE account INCLUDING ALL)");
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO bench_account SELECT * FROM account WHERE member_id = ANY(?)")) {
            p.setArray(1, db.createArrayOf("text", sirens.toArray()));
            long t0 = System.nanoTime();
            int rows = p.executeUpdate();
            long nanos = System.nanoTime() - t0;
            if (rows != expected) {
                throw new AssertionError("the database holds " + rows + " account rows of the roll-out, expected " + expected);
            }
            return nanos;
        } finally {
            try (Statement s = db.createStatement()) {
                s.execute("DROP TABLE bench_account");
            }
        }
    }

    private static int count(Connection db, String condition, Array uais) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT count(*) FROM class_deployment WHERE " + condition
                + " AND school_uai = ANY(?) AND school_year = '" + YEAR + "'")) {
            p.setArray(1, uais);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
