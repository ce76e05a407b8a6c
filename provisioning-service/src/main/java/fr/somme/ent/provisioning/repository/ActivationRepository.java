package fr.somme.ent.provisioning.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.somme.ent.provisioning.domain.AccountState;
import fr.somme.ent.provisioning.domain.Activation;

/**
 * The activation side of table {@code account} (code HMAC, failed attempts, lock) and its audit trail
 * {@code activation_audit} (account id, outcome, who, when: never the code, the login nor a name).
 */
@ApplicationScoped
public class ActivationRepository {

    private final Jdbc jdbc;

    public ActivationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The account of that login (not purged), locked until commit: concurrent attempts are counted one by one. */
    public Optional<Activation.Target> targetForUpdate(String login) {
        return jdbc.one("SELECT id, state, activation_code_hash, activation_failures FROM account "
                + "WHERE login = ? AND purged_at IS NULL FOR UPDATE", rs -> new Activation.Target(
                        rs.getObject("id", UUID.class), AccountState.valueOf(rs.getString("state")),
                        rs.getString("activation_code_hash"), rs.getInt("activation_failures")), login);
    }

    /** Active from now; its code is of no use any more. */
    public void saveActivated(UUID accountId, Instant now) {
        jdbc.update("UPDATE account SET state = 'ACTIVE', activated_at = ?, activation_code_hash = NULL, "
                + "activation_failures = 0, activation_locked_at = NULL, last_modified = ? "
                + "WHERE id = ? AND state = 'PENDING_ACTIVATION'", now, now, accountId);
    }

    /** The failures counted so far; {@code lockedAt} set when they reached the limit. */
    public void saveFailures(UUID accountId, int failures, Instant lockedAt) {
        jdbc.update("UPDATE account SET activation_failures = ?, activation_locked_at = ? WHERE id = ?", failures,
                lockedAt, accountId);
    }

    /** A new code for a pending account of the class: failures forgotten, lock lifted. False if none was changed. */
    public boolean saveNewCode(UUID projectId, UUID accountId, String codeHash, Instant now) {
        return jdbc.update("UPDATE account SET activation_code_hash = ?, activation_failures = 0, "
                + "activation_locked_at = NULL, last_modified = ? WHERE id = ? AND project_id = ? "
                + "AND state = 'PENDING_ACTIVATION' AND purged_at IS NULL", codeHash, now, accountId, projectId) == 1;
    }

    public void audit(UUID accountId, String outcome, String actor, Instant at) {
        jdbc.update("INSERT INTO activation_audit (account_id, outcome, actor, at) VALUES (?, ?, ?, ?)", accountId,
                outcome, actor, at);
    }
}
