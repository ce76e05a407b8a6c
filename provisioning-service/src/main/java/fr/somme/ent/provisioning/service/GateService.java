package fr.somme.ent.provisioning.service;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import fr.somme.ent.commons.ids.SchoolYear;
import fr.somme.ent.provisioning.domain.AccessStart;
import fr.somme.ent.provisioning.domain.DeploymentGate;
import fr.somme.ent.provisioning.domain.DeploymentGate.Decision;
import fr.somme.ent.provisioning.domain.DeploymentGate.Designation;
import fr.somme.ent.provisioning.domain.LicenceRule;
import fr.somme.ent.provisioning.domain.SchoolLevel;
import fr.somme.ent.provisioning.service.AccountService.Person;
import fr.somme.ent.provisioning.service.ProvisioningEvents.AccessEnded;
import fr.somme.ent.provisioning.service.ProvisioningEvents.AccessStarted;
import fr.somme.ent.provisioning.service.ProvisioningEvents.AccountsClosed;
import fr.somme.ent.provisioning.service.ProvisioningEvents.AccountsProvisioned;
import fr.somme.ent.provisioning.service.ProvisioningEvents.ClassDeployed;
import fr.somme.ent.provisioning.service.ProvisioningEvents.LicencesAssigned;
import fr.somme.ent.provisioning.service.ProvisioningEvents.LicencesRevoked;

/**
 * Runs the deployment gate (rule 9) on classes whose inputs changed: deploys (accounts, licences, access start),
 * keeps pending with reasons, or closes (withdrawal, termination) at the effective date. Evaluations are serialised
 * by a PostgreSQL advisory lock taken after the caller wrote its read-model change, so that two events arriving at
 * the same time on the two topics (project validated, school designated) cannot both miss each other.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class GateService {

    private static final Logger LOG = Logger.getLogger(GateService.class);
    private static final long GATE_LOCK = 0x5052_4f56_4741_5445L;

    private final Sql sql;
    private final Clock clock;
    private final AccountService accounts;
    private final ProvisioningEvents events;

    public GateService(Sql sql, Clock clock, AccountService accounts, ProvisioningEvents events) {
        this.sql = sql;
        this.clock = clock;
        this.accounts = accounts;
        this.events = events;
    }

    record ClassRow(UUID projectId, String status, String schoolUai, String schoolYear, String classLabel,
            String teacherId, int students, String projectStatus, LocalDate projectStatusDate, List<String> requested,
            String memberId, String schoolLevel) {
    }

    public int reevaluateProject(UUID projectId) {
        return reevaluate(List.of(projectId));
    }

    /** Every class not closed at a school the member designates (any year) or already deployed for the member. */
    public int reevaluateMember(String memberId) {
        lock();
        List<UUID> ids = sql.list("SELECT c.project_id FROM class_deployment c WHERE c.status <> 'CLOSED' AND (c.member_id = ? "
                + "OR EXISTS (SELECT 1 FROM rm_designation d WHERE d.member_id = ? AND d.uai = c.school_uai "
                + "AND d.school_year = c.school_year))", rs -> rs.getObject(1, UUID.class), memberId, memberId);
        return reevaluate(ids);
    }

    /** What time alone changes: adhesions reaching their effective date, terminations taking effect. */
    public int reevaluateDue() {
        lock();
        List<UUID> ids = sql.list("SELECT c.project_id FROM class_deployment c WHERE (c.status = 'PENDING' "
                + "AND c.reasons LIKE '%adhesion-not-effective%') OR (c.status = 'DEPLOYED' AND EXISTS (SELECT 1 FROM "
                + "rm_termination t WHERE t.member_id = c.member_id AND t.effective_date <= ?))",
                rs -> rs.getObject(1, UUID.class), LocalDate.now(clock));
        return reevaluate(ids);
    }

    private void lock() {
        sql.list("SELECT pg_advisory_xact_lock(?)", rs -> null, GATE_LOCK);
    }

    int reevaluate(List<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return 0;
        }
        lock();
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Map<UUID, ClassRow> classes = new LinkedHashMap<>();
        Map<UUID, List<Designation>> designations = new HashMap<>();
        String[] ids = projectIds.stream().map(UUID::toString).toArray(String[]::new);
        sql.list("SELECT c.project_id, c.status, c.school_uai, c.school_year, c.class_label, c.teacher_id, c.students, "
                + "p.status, p.status_date, p.requested_resources, c.member_id, c.school_level, "
                + "d.member_id, a.member_kind, a.effective_date, t.effective_date, "
                + "EXISTS (SELECT 1 FROM rm_opt_out o WHERE o.member_id = d.member_id AND o.component = 'ACCOUNTS' "
                + "  AND o.effective_from_year <= c.school_year) "
                + "FROM class_deployment c JOIN rm_project p ON p.project_id = c.project_id "
                + "LEFT JOIN rm_designation d ON d.uai = c.school_uai AND d.school_year = c.school_year "
                + "LEFT JOIN rm_adhesion a ON a.member_id = d.member_id "
                + "LEFT JOIN rm_termination t ON t.member_id = d.member_id "
                + "WHERE c.project_id = ANY(?::uuid[]) ORDER BY c.project_id", rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    classes.computeIfAbsent(id, k -> row(rs));
                    List<Designation> list = designations.computeIfAbsent(id, k -> new ArrayList<>());
                    String member = rs.getString(13);
                    if (member != null) {
                        list.add(new Designation(member, rs.getString(14), rs.getObject(15, LocalDate.class),
                                rs.getObject(16, LocalDate.class), rs.getBoolean(17)));
                    }
                    return null;
                }, (Object) ids);
        int changed = 0;
        for (ClassRow c : classes.values()) {
            if ("CLOSED".equals(c.status())) {
                continue;
            }
            Decision decision = DeploymentGate.classIsDeployedOnlyWhenProjectValidatedAndSchoolDesignatedByEffectiveNotTerminatedMember(
                    "VALIDATED".equals(c.projectStatus()), designations.get(c.projectId()), today);
            if ("PENDING".equals(c.status())) {
                if (decision.deploy()) {
                    deploy(c, decision.by().orElseThrow(), today, now);
                    changed++;
                } else {
                    sql.update("UPDATE class_deployment SET reasons = ?, updated_at = ? WHERE project_id = ? AND reasons <> ?",
                            String.join(",", decision.reasons()), now, c.projectId(), String.join(",", decision.reasons()));
                }
            } else if ("DEPLOYED".equals(c.status()) && DeploymentGate.deployedClassClosesOnWithdrawalOrTermination(decision)) {
                close(c, decision, designations.get(c.projectId()), now);
                changed++;
            }
        }
        return changed;
    }

    private static ClassRow row(ResultSet rs) {
        try {
            String requested = rs.getString(10);
            return new ClassRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                    requested == null || requested.isEmpty() ? List.of() : Arrays.asList(requested.split(",")),
                    rs.getString(11), rs.getString(12));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deploy(ClassRow c, Designation by, LocalDate today, Instant now) {
        SchoolYear year = SchoolYear.parse(c.schoolYear());
        String level = SchoolLevel.ofDesignatingMemberKind(by.memberKind()).name();
        LocalDate accessStart = AccessStart.accessStartsOnDeploymentOrOnTheFirstDayOfTheSchoolYear(today, year);
        sql.update("UPDATE class_deployment SET status = 'DEPLOYED', reasons = '', member_id = ?, school_level = ?, "
                + "deployed_on = ?, access_start_date = ?, updated_at = ? WHERE project_id = ?",
                by.memberId(), level, today, accessStart, now, c.projectId());

        // accounts: the teacher, then the roster's students or anonymous seats (rule 10)
        List<Person> people = new ArrayList<>();
        people.add(AccountService.teacher(c.teacherId()));
        List<Person> roster = sql.list("SELECT first_name, last_name FROM roster_entry WHERE project_id = ? ORDER BY position",
                rs -> AccountService.student(rs.getString(1), rs.getString(2)), c.projectId());
        if (roster.isEmpty()) {
            for (int i = 0; i < c.students(); i++) {
                people.add(AccountService.anonymousSeat(c.schoolUai()));
            }
        } else {
            people.addAll(roster);
        }
        int studentAccounts = people.size() - 1;
        accounts.create(c.projectId(), by.memberId(), people);

        // licences (rule 10, art. 4.3)
        Map<String, LicenceRule.CatalogueEntry> catalogue = new HashMap<>();
        sql.list("SELECT r.code, p.unit_price, r.validated_by_departement FROM resource r JOIN resource_price p "
                + "ON p.code = r.code AND p.school_year = ?", rs -> catalogue.put(rs.getString(1),
                        new LicenceRule.CatalogueEntry(rs.getString(1), rs.getBigDecimal(2), rs.getBoolean(3))),
                c.schoolYear());
        Set<String> optedOut = new HashSet<>(sql.list("SELECT component FROM rm_opt_out WHERE member_id = ? "
                + "AND effective_from_year <= ?", rs -> rs.getString(1), by.memberId(), c.schoolYear()));
        LicenceRule.Outcome licences = LicenceRule.licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(
                c.requested(), catalogue, SchoolLevel.valueOf(level), optedOut, studentAccounts);
        List<Object[]> rows = new ArrayList<>();
        for (LicenceRule.Order o : licences.orders()) {
            rows.add(new Object[] { c.projectId(), o.resourceCode(), o.quantity(), o.unitPrice(), today });
        }
        sql.batch("INSERT INTO licence (project_id, resource_code, quantity, unit_price, state, assigned_on) "
                + "VALUES (?, ?, ?, ?, 'ASSIGNED', ?) ON CONFLICT DO NOTHING", rows);

        // access start (rule 11): the member's first one sets its access-start date
        boolean first = sql.update("INSERT INTO member_access (member_id, first_access_date, first_project_id) "
                + "VALUES (?, ?, ?) ON CONFLICT (member_id) DO NOTHING", by.memberId(), accessStart, c.projectId()) == 1;

        String m = by.memberId();
        events.publish(ProvisioningEvents.CLASS_DEPLOYED, m, c.projectId(), new ClassDeployed(m, c.projectId(),
                c.schoolUai(), c.schoolYear(), c.classLabel(), level, today, studentAccounts));
        events.publish(ProvisioningEvents.ACCOUNTS_PROVISIONED, m, c.projectId(), new AccountsProvisioned(m,
                c.projectId(), c.schoolUai(), c.schoolYear(), c.classLabel(), level, 1, studentAccounts));
        for (LicenceRule.Order o : licences.orders()) {
            events.publish(ProvisioningEvents.LICENCES_ASSIGNED, m, c.projectId(), new LicencesAssigned(m, c.projectId(),
                    c.schoolUai(), c.schoolYear(), c.classLabel(), level, o.resourceCode(), o.quantity(), money(o.unitPrice())));
        }
        events.publish(ProvisioningEvents.ACCESS_STARTED, m, c.projectId(), new AccessStarted(m, c.projectId(),
                c.schoolUai(), c.schoolYear(), c.classLabel(), level, studentAccounts, accessStart, first));
        LOG.infof("class %s deployed for member %s (%d student accounts, %d licence lines)", c.projectId(), m,
                studentAccounts, licences.orders().size());
    }

    private void close(ClassRow c, Decision decision, List<Designation> designations, Instant now) {
        boolean withdrawn = decision.reasons().contains(DeploymentGate.PROJECT_WITHDRAWN);
        LocalDate closedOn;
        String reason;
        if (withdrawn) {
            closedOn = c.projectStatusDate();
            reason = "PROJECT_WITHDRAWN";
        } else {
            closedOn = designations.stream().filter(d -> d.memberId().equals(c.memberId()))
                    .map(Designation::terminationEffectiveDate).filter(java.util.Objects::nonNull).findFirst()
                    .orElseGet(() -> sql.one("SELECT effective_date FROM rm_termination WHERE member_id = ?",
                            rs -> rs.getObject(1, LocalDate.class), c.memberId()).orElse(LocalDate.now(clock)));
            reason = "MEMBER_TERMINATED";
        }
        closeClass(c, closedOn, reason, now);
    }

    /** Closes a deployed class at {@code closedOn}: accounts closed, licences revoked, access ended. */
    void closeClass(ClassRow c, LocalDate closedOn, String reason, Instant now) {
        String m = c.memberId();
        String level = c.schoolLevel();
        int[] closed = accounts.closeClass(c.projectId(), closedOn);
        List<Object[]> revoked = sql.list("UPDATE licence SET state = 'REVOKED', revoked_on = ? WHERE project_id = ? "
                + "AND state = 'ASSIGNED' RETURNING resource_code, quantity, unit_price",
                rs -> new Object[] { rs.getString(1), rs.getInt(2), rs.getBigDecimal(3) }, closedOn, c.projectId());
        sql.update("UPDATE class_deployment SET status = 'CLOSED', closed_on = ?, close_reason = ?, updated_at = ? "
                + "WHERE project_id = ?", closedOn, reason, now, c.projectId());
        int students = sql.one("SELECT count(*) FROM account WHERE project_id = ? AND role = 'STUDENT'",
                rs -> rs.getInt(1), c.projectId()).orElse(0);
        events.publish(ProvisioningEvents.ACCESS_ENDED, m, c.projectId(), new AccessEnded(m, c.projectId(), c.schoolUai(),
                c.schoolYear(), c.classLabel(), level, students, closedOn, reason));
        events.publish(ProvisioningEvents.ACCOUNTS_CLOSED, m, c.projectId(), new AccountsClosed(m, c.projectId(),
                c.schoolUai(), c.schoolYear(), c.classLabel(), level, closed[0], closed[1], closedOn));
        for (Object[] r : revoked) {
            events.publish(ProvisioningEvents.LICENCES_REVOKED, m, c.projectId(), new LicencesRevoked(m, c.projectId(),
                    c.schoolUai(), c.schoolYear(), c.classLabel(), level, (String) r[0], (Integer) r[1],
                    money((BigDecimal) r[2]), closedOn));
        }
        LOG.infof("class %s closed on %s (%s)", c.projectId(), closedOn, reason);
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
