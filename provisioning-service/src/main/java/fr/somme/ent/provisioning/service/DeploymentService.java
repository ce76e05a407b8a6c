package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import fr.somme.ent.provisioning.repository.LicenceRepository.ClassOrder;
import fr.somme.ent.provisioning.repository.MemberAccessRepository;
import fr.somme.ent.provisioning.repository.ReadModelRepository;
import fr.somme.ent.provisioning.repository.RosterRepository;

/**
 * What the gate's decision sets in motion, in the caller's transaction. Deploying: the classes, their accounts (the
 * teacher, then the roster's students or anonymous seats), their licences, the members' access start, and the events
 * class-deployed, accounts-provisioned, licences-assigned, access-started. Deploying is set-based (issue #15): the
 * classes one gate run deploys are written together, a few statements per chunk of {@link #CHUNK} classes whatever
 * their number, with the same rows and events, in the same order, as one class at a time. Closing: accounts closed,
 * licences revoked, access-ended, accounts-closed, licences-revoked, all at the effective date. Discarding (never
 * deployed): the roster.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class DeploymentService {

    private static final Logger LOG = Logger.getLogger(DeploymentService.class);
    /** Classes written per round of statements (about 13,000 accounts of 25 students). */
    static final int CHUNK = 500;

    /** A class the gate deploys, and the designation it deploys by. */
    record Rollout(GateInput input, Designation by) {
    }

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

    /** Deploys these classes today, in this order (the order of their logins' numbers and of their events). */
    void deployAll(List<Rollout> rollouts, LocalDate today, Instant now) {
        for (int from = 0; from < rollouts.size(); from += CHUNK) {
            deployChunk(rollouts.subList(from, Math.min(rollouts.size(), from + CHUNK)), today, now);
        }
    }

    private void deployChunk(List<Rollout> rollouts, LocalDate today, Instant now) {
        List<ClassDeployment> deployed = new ArrayList<>();
        for (Rollout r : rollouts) {
            ClassDeployment c = r.input().deployment();
            c.deploy(r.by().memberId(), r.by().level(), today);
            deployed.add(c);
        }
        classes.saveAllDeployed(deployed, now);

        Map<UUID, List<PersonName>> rosterOf = rosters.ofClasses(deployed.stream().map(ClassDeployment::projectId).toList());
        List<AccountService.Seats> seats = new ArrayList<>();
        for (ClassDeployment c : deployed) {
            seats.add(new AccountService.Seats(c.projectId(), c.memberId(), people(c, rosterOf.getOrDefault(c.projectId(), List.of()))));
        }
        accounts.createAll(seats);

        // licences (rule 10, art. 4.3)
        Map<String, Map<String, LicenceRule.CatalogueEntry>> catalogues = new HashMap<>();
        Map<String, List<ReadModelRepository.OptOut>> optOuts = readModels.optOutsOf(deployed.stream().map(ClassDeployment::memberId).toList());
        List<ClassOrder> orders = new ArrayList<>();
        for (int i = 0; i < deployed.size(); i++) {
            ClassDeployment c = deployed.get(i);
            LicenceRule.Outcome outcome = LicenceRule.licencePerStudentForEachRequestedCatalogueResourceNotOptedOut(
                    rollouts.get(i).input().requestedResources(),
                    catalogues.computeIfAbsent(c.schoolYear(), licences::catalogueFor), c.schoolLevel(),
                    ReadModelRepository.OptOut.componentsFor(optOuts.getOrDefault(c.memberId(), List.of()), c.schoolYear()),
                    seats.get(i).people().size() - 1);
            orders.add(new ClassOrder(c.projectId(), outcome.orders()));
        }
        licences.assignAll(orders, today);

        // access start (rule 11): the member's first one sets its access-start date
        Set<UUID> firsts = memberAccess.recordFirstAccesses(deployed);
        ProvisioningEvents.Deployments batch = new ProvisioningEvents.Deployments();
        for (int i = 0; i < deployed.size(); i++) {
            ClassDeployment c = deployed.get(i);
            int studentAccounts = seats.get(i).people().size() - 1;
            events.deployed(batch, c, studentAccounts, orders.get(i).orders(), firsts.contains(c.projectId()));
            LOG.debugf("class %s deployed for member %s (%d student accounts, %d licence lines)", c.projectId(), c.memberId(),
                    studentAccounts, orders.get(i).orders().size());
        }
        events.write(batch);
        LOG.infof("%d classes deployed (%d events written to the outbox)", deployed.size(), batch.size());
    }

    /** Rule 10: the teacher, then the roster's students, or as many anonymous seats as the project's students. */
    private static List<Person> people(ClassDeployment c, List<PersonName> roster) {
        List<Person> people = new ArrayList<>();
        people.add(Person.teacher(c.teacherId(), c.teacherSub()));
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
