package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.Activation;
import fr.somme.ent.provisioning.domain.ActivationCodes;
import fr.somme.ent.provisioning.domain.LoginSheetLine;
import fr.somme.ent.provisioning.repository.AccountRepository;
import fr.somme.ent.provisioning.repository.ActivationRepository;

/**
 * Activation of an account with its code, reported by the ENT platform (issue #14): the attempt is counted, audited
 * (table {@code activation_audit} and the log: account id and outcome, never the code, the login nor a name) and
 * committed whatever its outcome, so that a refusal still counts. A new code (teacher, operator) lifts a lock.
 */
@ApplicationScoped
public class ActivationService {

    static final String CODE_ISSUED = "CODE_ISSUED";
    private static final Logger LOG = Logger.getLogger(ActivationService.class);

    private final ActivationRepository activations;
    private final AccountRepository accounts;
    private final ActivationCodes codes;
    private final ClassScope scope;
    private final Clock clock;

    public ActivationService(ActivationRepository activations, AccountRepository accounts, ActivationCodes codes,
            ClassScope scope, Clock clock) {
        this.activations = activations;
        this.accounts = accounts;
        this.codes = codes;
        this.scope = scope;
        this.clock = clock;
    }

    /** What an attempt did to which account. */
    public record Attempt(UUID accountId, Activation.Result result) {
    }

    /** One attempt; 404 when no account (not purged) has that login. Never throws once the attempt is counted. */
    @Transactional
    public Attempt activate(String login, String code, String actor) {
        Activation.Target target = activations.targetForUpdate(login)
                .orElseThrow(() -> ProblemException.notFound("account", "with this login"));
        Activation.Result result = Activation.attempt(target, hash -> codes.matches(code, hash));
        Instant now = clock.instant();
        UUID id = target.accountId();
        if (result.outcome() == Activation.Outcome.ACTIVATED) {
            activations.saveActivated(id, now);
        } else if (result.outcome() == Activation.Outcome.WRONG_CODE) {
            activations.saveFailures(id, result.failures(), result.locked() ? now : null);
        }
        activations.audit(id, result.outcome().name(), actor, now);
        LOG.infof("activation attempt on account %s by %s: %s (%d failure(s)%s)", id, actor, result.outcome(),
                result.failures(), result.locked() ? ", locked" : "");
        return new Attempt(id, result);
    }

    /**
     * A new activation code for one account of the class still pending activation (a lost sheet, a locked account):
     * the previous code no longer works, failures are forgotten. Only the class's teacher and the operator.
     */
    @Transactional
    public LoginSheetLine newCode(UUID projectId, UUID accountId, CallerScope caller) {
        scope.ownClass(projectId, caller);
        Account account = accounts.findForUpdate(accountId).filter(a -> a.projectId().equals(projectId))
                .orElseThrow(() -> ProblemException.notFound("account", accountId));
        account.requirePendingActivation();
        String code = codes.activationCodesAreEightUnambiguousCharactersFromSecureRandom();
        Instant now = clock.instant();
        activations.saveNewCode(projectId, accountId, codes.hash(code), now);
        activations.audit(accountId, CODE_ISSUED, caller.actor(), now);
        LOG.infof("new activation code for account %s of class %s, issued by %s", accountId, projectId, caller.actor());
        return new LoginSheetLine(account.login(), account.role(), account.lastName(), account.firstName(), code);
    }
}
