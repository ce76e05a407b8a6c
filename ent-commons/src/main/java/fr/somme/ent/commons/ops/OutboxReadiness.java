package fr.somme.ent.commons.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import fr.somme.ent.commons.outbox.OutboxRelay;
import fr.somme.ent.commons.repository.OutboxRepository.OutboxStats;

/**
 * Readiness reports a stalled outbox (a parked event, or an event pending for more than 60 s) in its data, and stays
 * UP: restarting the pod would not publish a parked event, the alert and an operator will ({@code /ops/outbox}).
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    static final double STALLED_AFTER_SECONDS = 60;

    private final OutboxRelay relay;

    public OutboxReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxStats stats = relay.stats();
        double oldest = relay.oldestPendingSeconds();
        boolean stalled = stats.parked() > 0 || oldest > STALLED_AFTER_SECONDS;
        return HealthCheckResponse.named("outbox").up()
                .withData("stalled", stalled)
                .withData("parked", stats.parked())
                .withData("pending", stats.pending())
                .withData("oldestPendingSeconds", (long) oldest)
                .build();
    }
}
