package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import fr.somme.ent.provisioning.domain.AccountRole;
import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.CloseReason;
import fr.somme.ent.provisioning.domain.DeploymentGate.Designation;
import fr.somme.ent.provisioning.domain.GateInput;
import fr.somme.ent.provisioning.domain.Licence;
import fr.somme.ent.provisioning.domain.LicenceRule;
import fr.somme.ent.provisioning.domain.Person;
import fr.somme.ent.provisioning.domain.PersonName;
import fr.somme.ent.provisioning.messaging.ProvisioningEvents;
import fr.somme.ent.provisioning.repository.AccountRepository;
import fr.somme.ent.provisioning.repository.ClassDeploymentRepository;
import fr.somme.ent.provisioning.repository.LicenceRepository;
import fr.somme.ent.provisioning.repository.MemberAccessRepository;
import fr.somme.ent.provisioning.repository.ReadModelRepository;
import fr.somme.ent.provisioning.repository.RosterRepository;

/**
 * What the gate's decision sets in motion, in the caller's transaction. Deploying: the class, its accounts (the
 * teacher, then the roster's students or anonymous seats), its licences, the member's access start, and the events
 * class-deployed, accounts-provisioned, licences-assigned, access-started. Closing: accounts closed, licences revoked,
 * access-ended, accounts-closed, licences-revoked, all at the effective date. Discarding (never deployed): the roster.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class DeploymentService {

    private static final Logger LOG = Logger.getLogger(DeploymentService.class);

    private final ClassDeploymentRepository classes;
    private final RosterRepository rosters;
    private final AccountService accounts;
    private final AccountRepository accountRows;
    private final LicenceRepository licences;
    private final ReadModelRepository readModels;
    private final MemberAccessRepository memberAccess;
    private final ProvisioningEvents events;
    private final Clock clock;

    public DeploymentService(ClassDeploymentRepository classes, RosterRepository rosters, AccountService accounts,
            AccountRepository accountRows, LicenceRepository licences, ReadModelRepository readModels,
            MemberAccessRepository memberAccess, ProvisioningEvents events, Clock clock) {
        this.classes = classes;
        this.rosters = rosters;
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.licences = licences;
        this.readModels = readModels;
        this.memberAccess = memberAccess;
        this.events = events;
        this.clock = clock;
    }

    void deploy(GateInput input, Designation by, LocalDate today, Instant now) {
        ClassDeployment c = input.deployment();
        c.deploy(by.memberId(), by.level(), today);
        classes.saveDeployed(c, now);

        List<Person> people = people(c);
        int studentAccounts = people.size() - 1;
        accounts.create(c.projectId(), c.memberId(), people);

        // licences (rule 10, art. 4.3)
        LicenceRule.Outcome outcome = LicenceRule.licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(
                input.requestedResources(), licences.catalogueFor(c.schoolYear()), c.schoolLevel(),
                readModels.optedOutComponents(c.memberId(), c.schoolYear()), studentAccounts);
        licences.assign(c.projectId(), outcome.orders(), today);

        // access start (rule 11): the member's first one sets its access-start date
        boolean first = memberAccess.recordFirstAccess(c.memberId(), c.accessStartDate(), c.projectId());
        events.deployed(c, studentAccounts, outcome.orders(), first);
        LOG.infof("class %s deployed for member %s (%d student accounts, %d licence lines)", c.projectId(), c.memberId(),
                studentAccounts, outcome.orders().size());
    }

    /** Rule 10: the teacher, then the roster's students, or as many anonymous seats as the project's students. */
    private List<Person> people(ClassDeployment c) {
        List<Person> people = new ArrayList<>();
        people.add(Person.teacher(c.teacherId()));
        List<PersonName> roster = rosters.ofClass(c.projectId());
        if (roster.isEmpty()) {
            for (int i = 0; i < c.students(); i++) {
                people.add(Person.anonymousSeat(c.schoolUai()));
            }
        } else {
            roster.forEach(n -> people.add(Person.student(n.firstName(), n.lastName())));
        }
        return people;
    }

    /** Withdrawn: closes on the withdrawal date; terminated: on the termination's effective date. */
    void close(GateInput input, CloseReason reason, Instant now) {
        ClassDeployment c = input.deployment();
        LocalDate closedOn = reason == CloseReason.PROJECT_WITHDRAWN ? input.projectStatusDate()
                : input.classMember().terminationEffectiveDate();
        closeClass(c, closedOn, reason, now);
    }

    /**
     * Closes a deployed class at {@code closedOn}: accounts closed, licences revoked, access ended. Nothing happens
     * (false) when the class is no longer deployed: another transaction closed it first (the update is guarded).
     */
    boolean closeClass(ClassDeployment c, LocalDate closedOn, CloseReason reason, Instant now) {
        c.close(closedOn, reason);
        if (!classes.saveClosed(c, now)) {
            return false;
        }
        List<AccountRole> closed = accountRows.closeAll(c.projectId(), closedOn, clock.instant());
        List<Licence> revoked = licences.revokeAll(c.projectId(), closedOn);
        int teachers = (int) closed.stream().filter(r -> r == AccountRole.TEACHER).count();
        events.closed(c, accountRows.countStudents(c.projectId()), teachers, closed.size() - teachers, revoked);
        LOG.infof("class %s closed on %s (%s)", c.projectId(), closedOn, reason);
        return true;
    }

    /**
     * Rules 8, 9 and 12: a class that never deployed is discarded (withdrawn, or its school year ended) and its roster
     * deleted; no account was ever created, nothing is published. False when it was no longer pending.
     */
    boolean discard(ClassDeployment c, LocalDate on, CloseReason reason, Instant now) {
        c.discard(on, reason);
        if (!classes.saveDiscarded(c, now)) {
            return false;
        }
        int names = rosters.deleteOfClass(c.projectId());
        LOG.infof("class %s discarded on %s (%s), %d roster line(s) deleted", c.projectId(), on, reason, names);
        return true;
    }
}
