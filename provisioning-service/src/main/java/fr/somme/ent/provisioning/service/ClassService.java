package fr.somme.ent.provisioning.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.rest.PageOf;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.commons.security.Role;
import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.ClassOverview;
import fr.somme.ent.provisioning.domain.ClassStatus;
import fr.somme.ent.provisioning.repository.AccountRepository;
import fr.somme.ent.provisioning.repository.ClassOverviewRepository;

/** Reads of classes: counts and licences for those who may see them, names only for the class's teacher and the operator. */
@ApplicationScoped
public class ClassService {

    private final ClassOverviewRepository overviews;
    private final AccountRepository accounts;
    private final ClassScope scope;

    public ClassService(ClassOverviewRepository overviews, AccountRepository accounts, ClassScope scope) {
        this.overviews = overviews;
        this.accounts = accounts;
        this.scope = scope;
    }

    /** A class as its caller may see it: operator all; teacher own classes; member-agent its member's; else 404. */
    @Transactional
    public ClassOverview view(UUID projectId, CallerScope caller) {
        return overviews.find(projectId).filter(o -> ClassScope.sees(o.deployment(), caller))
                .orElseThrow(() -> ProblemException.notFound("class", projectId));
    }

    /** Status and member optional (null: any). */
    @Transactional
    public PageOf<ClassOverview> list(ClassStatus status, String memberId, int page, int size) {
        return new PageOf<>(overviews.list(status, memberId, size, PageOf.offset(page, size)), page, size,
                overviews.count(status, memberId));
    }

    /** A page of a member's classes: the operator, or the member's own agent (404 for any other member). */
    @Transactional
    public PageOf<ClassOverview> ofMember(String memberId, CallerScope caller, int page, int size) {
        if (!caller.hasRole(Role.OPERATOR) && !caller.memberId().map(memberId::equals).orElse(false)) {
            throw ProblemException.notFound("member", memberId);
        }
        return list(null, memberId, page, size);
    }

    /** The class's accounts, with names: for the class's teacher and the operator only (404 otherwise). */
    @Transactional
    public List<Account> accounts(UUID projectId, CallerScope caller) {
        scope.ownClass(projectId, caller);
        return accounts.ofClass(projectId);
    }
}
