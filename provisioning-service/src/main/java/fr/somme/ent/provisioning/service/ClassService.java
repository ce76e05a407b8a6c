package fr.somme.ent.provisioning.service;


import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.domain.ActivationCodes;

/** Reads of classes (counts, never names except to the class's teacher and the operator), rosters, login sheets. */
@ApplicationScoped
public class ClassService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ClassService.class);

    public record LicenceView(String resourceCode, int quantity, String unitPrice, String state) {
    }

    public record ClassView(UUID projectId, String status, List<String> reasons, String memberId, String schoolUai,
            String schoolYear, String classLabel, String schoolLevel, int students, LocalDate deployedOn,
            LocalDate accessStartDate, LocalDate closedOn, String closeReason, int teacherAccounts, int studentAccounts,
            int activeAccounts, int rosterEntries, boolean loginSheetIssued, List<LicenceView> licences) {
    }

    public record AccountView(UUID id, String login, String role, String state, String lastName, String firstName) {
    }

    public record RosterLine(String lastName, String firstName) {
    }

    public record LoginSheetLine(String login, String role, String lastName, String firstName, String activationCode) {
    }

    private final Sql sql;
    private final Clock clock;
    private final ActivationCodes codes;
    private final AccountService accounts;

    public ClassService(Sql sql, Clock clock, ActivationCodes codes, AccountService accounts) {
        this.sql = sql;
        this.clock = clock;
        this.codes = codes;
        this.accounts = accounts;
    }

    private static final String VIEW = "SELECT c.project_id, c.status, c.reasons, c.member_id, c.school_uai, c.school_year, "
            + "c.class_label, c.school_level, c.students, c.deployed_on, c.access_start_date, c.closed_on, c.close_reason, "
            + "(SELECT count(*) FROM account a WHERE a.project_id = c.project_id AND a.role = 'TEACHER'), "
            + "(SELECT count(*) FROM account a WHERE a.project_id = c.project_id AND a.role = 'STUDENT'), "
            + "(SELECT count(*) FROM account a WHERE a.project_id = c.project_id AND a.state = 'ACTIVE'), "
            + "(SELECT count(*) FROM roster_entry r WHERE r.project_id = c.project_id), "
            + "c.login_sheet_issued_at IS NOT NULL, c.teacher_id FROM class_deployment c ";

    /** A class as its caller may see it: operator all; teacher own classes; member-agent its member's; else 404. */
    @Transactional
    public ClassView view(UUID projectId, CallerScope caller) {
        List<ClassView> found = views(VIEW + "WHERE c.project_id = ? AND " + visibleTo(caller), params(caller, projectId));
        if (found.isEmpty()) {
            throw ProblemException.notFound("class", projectId);
        }
        return found.get(0);
    }

    @Transactional
    public List<ClassView> list(String status, String memberId, int limit, int offset) {
        return views(VIEW + "WHERE (CAST(? AS TEXT) IS NULL OR c.status = ?) AND (CAST(? AS TEXT) IS NULL OR c.member_id = ?) "
                + "ORDER BY c.school_year DESC, c.school_uai, c.class_label, c.project_id LIMIT ? OFFSET ?",
                new Object[] { status, status, memberId, memberId, limit, offset });
    }

    private static String visibleTo(CallerScope caller) {
        if (caller.hasRole("operator")) {
            return "TRUE";
        }
        if (caller.hasRole("teacher")) {
            return "c.teacher_id = ?";
        }
        if (caller.hasRole("member-agent")) {
            return "c.member_id = ?";
        }
        return "FALSE";
    }

    private static Object[] params(CallerScope caller, UUID projectId) {
        if (caller.hasRole("operator")) {
            return new Object[] { projectId };
        }
        if (caller.hasRole("teacher")) {
            return new Object[] { projectId, caller.actor() };
        }
        if (caller.hasRole("member-agent")) {
            return new Object[] { projectId, caller.memberId().orElse("") };
        }
        return new Object[] { projectId };
    }

    private List<ClassView> views(String query, Object[] params) {
        List<Object[]> rows = sql.list(query, rs -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getInt(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class), rs.getString(13), rs.getInt(14), rs.getInt(15), rs.getInt(16),
                rs.getInt(17), rs.getBoolean(18) }, params);
        Map<UUID, List<LicenceView>> licences = new HashMap<>();
        if (!rows.isEmpty()) {
            String[] ids = rows.stream().map(r -> r[0].toString()).toArray(String[]::new);
            sql.list("SELECT project_id, resource_code, quantity, unit_price, state FROM licence WHERE project_id = ANY(?::uuid[]) "
                    + "ORDER BY resource_code", rs -> licences.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new LicenceView(rs.getString(2), rs.getInt(3), GateService.money(rs.getBigDecimal(4)),
                                    rs.getString(5))), (Object) ids);
        }
        List<ClassView> out = new ArrayList<>();
        for (Object[] r : rows) {
            String reasons = (String) r[2];
            out.add(new ClassView((UUID) r[0], (String) r[1], reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")),
                    (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (Integer) r[8],
                    (LocalDate) r[9], (LocalDate) r[10], (LocalDate) r[11], (String) r[12], (Integer) r[13],
                    (Integer) r[14], (Integer) r[15], (Integer) r[16], (Boolean) r[17],
                    licences.getOrDefault(r[0], List.of())));
        }
        return out;
    }

    /** The class's accounts, with names: for the class's teacher and the operator only (404 otherwise). */
    @Transactional
    public List<AccountView> accounts(UUID projectId, CallerScope caller) {
        ownClass(projectId, caller);
        return sql.list("SELECT id, login, role, state, last_name, first_name FROM account WHERE project_id = ? "
                + "ORDER BY role DESC, login", rs -> new AccountView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), projectId);
    }

    /** The roster (last name, first name) of a class not deployed yet; replaces any previous one. */
    @Transactional
    public int replaceRoster(UUID projectId, List<RosterLine> lines, CallerScope caller) {
        String status = ownClass(projectId, caller);
        if (!"PENDING".equals(status)) {
            throw ProblemException.conflict("class-already-deployed",
                    "the class is " + status.toLowerCase() + ": its accounts exist, the roster can no longer change");
        }
        if (lines.isEmpty() || lines.size() > 100) {
            throw ProblemException.badRequest("roster-size", "a roster has 1 to 100 students");
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RosterLine l = lines.get(i);
            if (l == null || blank(l.lastName()) || blank(l.firstName()) || l.lastName().length() > 100 || l.firstName().length() > 100) {
                throw ProblemException.badRequest("roster-line", "line " + (i + 1) + ": last name and first name are required "
                        + "(at most 100 characters)");
            }
            rows.add(new Object[] { projectId, i + 1, l.lastName().strip(), l.firstName().strip() });
        }
        sql.update("DELETE FROM roster_entry WHERE project_id = ?", projectId);
        sql.batch("INSERT INTO roster_entry (project_id, position, last_name, first_name) VALUES (?, ?, ?, ?)", rows);
        LOG.infof("roster of class %s uploaded by %s at %s: %d student(s)", projectId, caller.actor(), clock.instant(), rows.size());
        return rows.size();
    }

    /** Names an anonymous seat of a deployed class (its teacher, the operator); 409 if it is not an anonymous pending seat. */
    @Transactional
    public AccountView nameSeat(UUID projectId, UUID accountId, RosterLine name, CallerScope caller) {
        String status = ownClass(projectId, caller);
        if (!"DEPLOYED".equals(status)) {
            throw ProblemException.conflict("class-not-deployed", "the class is " + status.toLowerCase() + ": no seat to name");
        }
        if (name == null || blank(name.lastName()) || blank(name.firstName()) || name.lastName().length() > 100
                || name.firstName().length() > 100) {
            throw ProblemException.badRequest("roster-line", "last name and first name are required (at most 100 characters)");
        }
        accounts.nameSeat(projectId, accountId, name.firstName().strip(), name.lastName().strip())
                .orElseThrow(() -> ProblemException.conflict("seat-not-anonymous",
                        "account " + accountId + " is not an anonymous seat pending activation of this class"));
        LOG.infof("seat %s of class %s named by %s at %s", accountId, projectId, caller.actor(), clock.instant());
        return sql.one("SELECT id, login, role, state, last_name, first_name FROM account WHERE id = ?",
                rs -> new AccountView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), accountId).orElseThrow();
    }

    /**
     * The login sheet of a deployed class, handed out once: a fresh activation code per account still pending
     * activation; only its HMAC is stored, the code itself exists only in this response.
     */
    @Transactional
    public List<LoginSheetLine> issueLoginSheet(UUID projectId, CallerScope caller) {
        String status = ownClass(projectId, caller);
        if (!"DEPLOYED".equals(status)) {
            throw ProblemException.conflict("class-not-deployed", "the class is " + status.toLowerCase() + ": no login sheet");
        }
        Instant now = clock.instant();
        int marked = sql.update("UPDATE class_deployment SET login_sheet_issued_at = ?, login_sheet_issued_by = ?, updated_at = ? "
                + "WHERE project_id = ? AND login_sheet_issued_at IS NULL", now, caller.actor(), now, projectId);
        if (marked == 0) {
            throw ProblemException.conflict("login-sheet-already-issued",
                    "the login sheet of this class was already handed out; codes are not stored in clear");
        }
        List<LoginSheetLine> lines = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (AccountView a : sql.list("SELECT id, login, role, state, last_name, first_name FROM account WHERE project_id = ? "
                + "AND state = 'PENDING_ACTIVATION' ORDER BY role DESC, login", rs -> new AccountView(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), projectId)) {
            String code = codes.activationCodesAreEightUnambiguousCharactersFromSecureRandom();
            updates.add(new Object[] { codes.hash(code), now, a.id() });
            lines.add(new LoginSheetLine(a.login(), a.role(), a.lastName(), a.firstName(), code));
        }
        sql.batch("UPDATE account SET activation_code_hash = ?, last_modified = ? WHERE id = ?", updates);
        return lines;
    }

    /** The class's status if the caller may act on its accounts (operator, or its teacher); 404 otherwise. */
    private String ownClass(UUID projectId, CallerScope caller) {
        return sql.one("SELECT status, teacher_id FROM class_deployment WHERE project_id = ?",
                rs -> new String[] { rs.getString(1), rs.getString(2) }, projectId)
                .filter(r -> caller.hasRole("operator") || (caller.hasRole("teacher") && r[1].equals(caller.actor())))
                .map(r -> r[0])
                .orElseThrow(() -> ProblemException.notFound("class", projectId));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
