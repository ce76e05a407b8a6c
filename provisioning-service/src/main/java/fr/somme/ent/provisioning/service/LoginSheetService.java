package fr.somme.ent.provisioning.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.somme.ent.commons.security.CallerScope;
import fr.somme.ent.provisioning.domain.Account;
import fr.somme.ent.provisioning.domain.ActivationCodes;
import fr.somme.ent.provisioning.domain.ClassDeployment;
import fr.somme.ent.provisioning.domain.LoginSheetLine;
import fr.somme.ent.provisioning.repository.AccountRepository;
import fr.somme.ent.provisioning.repository.ClassDeploymentRepository;

/**
 * The login sheet of a deployed class, handed out once (rule 12): a fresh activation code per account still pending
 * activation; only its HMAC is stored, the code itself exists only in this response.
 */
@ApplicationScoped
public class LoginSheetService {

    private final ClassDeploymentRepository classes;
    private final AccountRepository accounts;
    private final ActivationCodes codes;
    private final ClassScope scope;
    private final Clock clock;

    public LoginSheetService(ClassDeploymentRepository classes, AccountRepository accounts, ActivationCodes codes,
            ClassScope scope, Clock clock) {
        this.classes = classes;
        this.accounts = accounts;
        this.codes = codes;
        this.scope = scope;
        this.clock = clock;
    }

    @Transactional
    public List<LoginSheetLine> issue(UUID projectId, CallerScope caller) {
        ClassDeployment c = scope.ownClass(projectId, caller);
        c.issueLoginSheet();
        Instant now = clock.instant();
        if (!classes.saveLoginSheetIssued(c, caller.actor(), now)) {
            throw ClassDeployment.loginSheetAlreadyIssued();
        }
        List<LoginSheetLine> lines = new ArrayList<>();
        Map<UUID, String> hashes = new LinkedHashMap<>();
        for (Account a : accounts.pendingActivationOfClass(projectId)) {
            String code = codes.activationCodesAreEightUnambiguousCharactersFromSecureRandom();
            hashes.put(a.id(), codes.hash(code));
            lines.add(new LoginSheetLine(a.login(), a.role(), a.lastName(), a.firstName(), code));
        }
        accounts.saveActivationCodeHashes(hashes, now);
        return lines;
    }
}
