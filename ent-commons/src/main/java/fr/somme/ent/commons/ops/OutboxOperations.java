package fr.somme.ent.commons.ops;

import fr.somme.ent.commons.rest.PageOf;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.somme.ent.commons.ops.OutboxOpsResource.OperationView;
import fr.somme.ent.commons.ops.OutboxOpsResource.OutboxEventView;
import fr.somme.ent.commons.outbox.RelaySignal;
import fr.somme.ent.commons.problem.ProblemException;
import fr.somme.ent.commons.repository.OutboxOperationRepository;
import fr.somme.ent.commons.repository.OutboxOperationRepository.Operation;
import fr.somme.ent.commons.repository.OutboxOperationRepository.OutboxRow;
import fr.somme.ent.commons.security.CallerScope;

/** An operator's acts on parked outbox rows: list, retry, discard; each act is audited (table and log). */
@ApplicationScoped
public class OutboxOperations {

    private static final Logger LOG = Logger.getLogger(OutboxOperations.class);
    static final Set<String> STATES = Set.of("PENDING", "PARKED", "PUBLISHED", "DISCARDED");

    private final OutboxOperationRepository rows;
    private final CallerScope caller;
    private final Clock clock;
    private final RelaySignal relay;

    public OutboxOperations(OutboxOperationRepository rows, CallerScope caller, Clock clock, RelaySignal relay) {
        this.rows = rows;
        this.relay = relay;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public PageOf<OutboxEventView> list(String state, int page, int size) {
        if (!STATES.contains(state)) {
            throw ProblemException.badRequest("invalid-outbox-state", "state must be one of " + STATES.stream().sorted().toList());
        }
        return new PageOf<>(rows.list(state, size, PageOf.offset(page, size)).stream().map(OutboxOperations::view).toList(),
                page, size, rows.count(state));
    }

    @Transactional
    public OutboxEventView retry(UUID id, String reason) {
        return act(id, "RETRY", reason);
    }

    @Transactional
    public OutboxEventView discard(UUID id, String reason) {
        return act(id, "DISCARD", reason);
    }

    @Transactional
    public List<OperationView> operations(UUID id) {
        return rows.operations(id).stream().map(o -> new OperationView(o.action(), o.actor(), o.reason(), o.at())).toList();
    }

    private static OutboxEventView view(OutboxRow r) {
        return new OutboxEventView(r.id(), r.seq(), r.topic(), r.key(), r.type(), r.state(), r.attempts(), r.lastError(),
                r.createdAt(), r.parkedAt(), r.publishedAt());
    }

    private OutboxEventView act(UUID id, String action, String reason) {
        OutboxRow row = rows.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("outbox event", id));
        if (!"PARKED".equals(row.state())) {
            throw ProblemException.conflict("outbox-event-not-parked",
                    "only a parked event can be retried or discarded; event " + id + " is " + row.state());
        }
        if ("RETRY".equals(action)) {
            rows.retry(id);
        } else {
            rows.discard(id);
        }
        relay.afterCommit(); // the retried row, or the rows its key held back, go right after this commit
        Instant now = clock.instant();
        String actor = caller.actor();
        rows.audit(new Operation(id, action, actor, reason, now));
        LOG.warnf("outbox: %s of parked event %s (%s, key %s) by %s at %s, reason: %s; last error: %s",
                action, id, row.type(), row.key(), actor, now, reason, row.lastError());
        return view(rows.findForUpdate(id).orElseThrow());
    }
}
