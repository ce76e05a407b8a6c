package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.Directory.Filter;
import fr.somme.ent.provisioning.domain.Directory.Group;
import fr.somme.ent.provisioning.domain.Directory.Page;
import fr.somme.ent.provisioning.domain.Directory.PageRequest;
import fr.somme.ent.provisioning.repository.AccountRepository;
import fr.somme.ent.provisioning.repository.DirectoryRepository;

/**
 * What the ENT platform reads and reports (its SCIM adapter calls this): accounts and deployed classes, and the
 * activation of an account by its user. Purged accounts are not exposed.
 */
@ApplicationScoped
public class DirectoryService {

    private static final Logger LOG = Logger.getLogger(DirectoryService.class);

    private final DirectoryRepository directory;
    private final AccountRepository accounts;
    private final Clock clock;

    public DirectoryService(DirectoryRepository directory, AccountRepository accounts, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Page<Account> users(Filter filter, PageRequest page) {
        return directory.users(filter, page);
    }

    @Transactional
    public Optional<Account> user(UUID id) {
        return directory.user(id);
    }

    /**
     * The platform reports the account's {@code active} flag: true activates a pending account; a closed account
     * cannot be activated, an open one cannot be deactivated. Returns the account as stored now; empty when it does
     * not exist (or was purged).
     */
    @Transactional
    public Optional<Account> reportActive(UUID id, boolean active, String reportedBy) {
        Optional<Account> found = accounts.findForUpdate(id);
        found.ifPresent(account -> {
            if (!active) {
                account.deactivate();
            } else if (account.activate(clock.instant())) {
                accounts.saveActivated(account);
                LOG.infof("account %s activated, reported by %s", id, reportedBy);
            }
        });
        return found.isEmpty() ? found : directory.user(id);
    }

    @Transactional
    public Page<Group> groups(Filter filter, PageRequest page) {
        return directory.groups(filter, page);
    }

    @Transactional
    public Optional<Group> group(UUID projectId) {
        return directory.group(projectId);
    }
}
