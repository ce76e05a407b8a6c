package fr.somme.ent.provisioning.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.Directory.Filter;
import fr.somme.ent.provisioning.domain.Directory.Group;
import fr.somme.ent.provisioning.domain.Directory.Page;
import fr.somme.ent.provisioning.domain.Directory.PageRequest;
import fr.somme.ent.provisioning.repository.AccountRepository;
import fr.somme.ent.provisioning.repository.DirectoryRepository;

/**
 * What the ENT platform reads (its SCIM adapter calls this): accounts and deployed classes. Purged accounts are not
 * exposed.
 */
@ApplicationScoped
public class DirectoryService {

    private final DirectoryRepository directory;
    private final AccountRepository accounts;

    public DirectoryService(DirectoryRepository directory, AccountRepository accounts) {
        this.directory = directory;
        this.accounts = accounts;
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
     * The platform reports the account's {@code active} flag (SCIM PATCH), which it may no longer change: an account
     * is activated with its code ({@link ActivationService}), closed by the syndicat. Reporting the flag as it is
     * (true on an active account, false on a closed one) changes nothing and answers the account; anything else is
     * refused ({@code mutability}). Empty when the account does not exist (or was purged).
     */
    @Transactional
    public Optional<Account> reportActive(UUID id, boolean active) {
        Optional<Account> found = accounts.findForUpdate(id);
        found.ifPresent(account -> {
            if (active) {
                account.confirmActive();
            } else {
                account.deactivate();
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
