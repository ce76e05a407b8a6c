package fr.somme.ent.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes the relay right after the commit of a transaction that wrote outbox rows: an interposed synchronization,
 * registered once per transaction however many rows it wrote, whose {@code afterCompletion(STATUS_COMMITTED)} wakes
 * {@link OutboxRelay}. A rolled-back transaction wakes nothing (its rows never existed). The relay's tick stays the
 * fallback (a crash between the commit and the wake-up, another replica holding the lock).
 */
@ApplicationScoped
public class RelaySignal {

    private static final Object KEY = RelaySignal.class.getName() + ".registered";

    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public RelaySignal(TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.transactions = transactions;
        this.relay = relay;
    }

    /** To call inside the transaction that wrote outbox rows (or made one PENDING again). */
    public void afterCommit() {
        if (transactions.getResource(KEY) != null) {
            return; // this transaction already wakes the relay
        }
        transactions.putResource(KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: the rows are written by then
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
