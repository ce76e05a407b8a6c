package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.PersonName;
import fr.somme.ent.provisioning.repository.RosterRepository;

/** The names of a class's students: the roster before deployment, an anonymous seat's name after (rule 10). */
@ApplicationScoped
public class RosterService {

    private static final Logger LOG = Logger.getLogger(RosterService.class);

    private final RosterRepository rosters;
    private final AccountService accounts;
    private final ClassScope scope;
    private final Clock clock;

    public RosterService(RosterRepository rosters, AccountService accounts, ClassScope scope, Clock clock) {
        this.rosters = rosters;
        this.accounts = accounts;
        this.scope = scope;
        this.clock = clock;
    }

    /** The roster (last name, first name) of a class not deployed yet; replaces any previous one. */
    @Transactional
    public int replaceRoster(UUID projectId, List<PersonName> lines, CallerScope caller) {
        ClassDeployment c = scope.ownClass(projectId, caller);
        c.requireRosterOpen();
        List<PersonName> roster = PersonName.roster(lines);
        rosters.replace(projectId, roster);
        LOG.infof("roster of class %s uploaded by %s at %s: %d student(s)", projectId, caller.actor(), clock.instant(),
                roster.size());
        return roster.size();
    }

    /** Names an anonymous seat of a deployed class (its teacher, the operator); 409 if it is not an anonymous pending seat. */
    @Transactional
    public Account nameSeat(UUID projectId, UUID accountId, PersonName name, CallerScope caller) {
        ClassDeployment c = scope.ownClass(projectId, caller);
        c.requireDeployed("no seat to name");
        Account named = accounts.nameSeat(projectId, accountId, PersonName.validated(name))
                .orElseThrow(() -> Rejection.conflict("seat-not-anonymous",
                        "account " + accountId + " is not an anonymous seat pending activation of this class"));
        LOG.infof("seat %s of class %s named by %s at %s", accountId, projectId, caller.actor(), clock.instant());
        return named;
    }
}
