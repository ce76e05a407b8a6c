package fr.somme.ent.commons.inbox;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Says when the service has begun to stop. A record whose processing fails from then on (the database pool or the
 * EntityManagerFactory already closed under it) is not a record that can never be applied: it must not go to the
 * DLQ, it must stay unacknowledged so that the next instance receives it again (issue #14: no valid event dropped).
 */
@ApplicationScoped
public class ShutdownSignal {

    private volatile boolean begun;

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        begun = true;
    }

    public boolean begun() {
        return begun;
    }
}
