package fr.somme.ent.membership.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.ids.Uai;
import fr.somme.ent.commons.inbox.Inbox;
import fr.somme.ent.commons.inbox.RetryTransient;
import fr.somme.ent.commons.rules.Rejection;
import fr.somme.ent.membership.service.SchoolReferenceService;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The DSDEN's schools ({@code fr.ent.dsden.school-upserted.v1} on {@code dsden.reference.v1}) into the school reference,
 * where they win over the open data. Each event is applied once (its id recorded in the same transaction); other types
 * of the topic are skipped; a record that cannot be applied goes to {@code dsden.reference.v1.dlq} with the reason in
 * {@code dead-letter-reason}.
 */
@ApplicationScoped
public class DsdenReferenceConsumer {

    static final String CONSUMER = "membership.dsden-reference";

    private final Inbox inbox;
    private final SchoolReferenceService schools;

    public DsdenReferenceConsumer(Inbox inbox, SchoolReferenceService schools) {
        this.inbox = inbox;
        this.schools = schools;
    }

    @Incoming("dsden-reference")
    @Blocking(ordered = true)
    @RetryTransient
    @Transactional
    public void consume(String record) {
        inbox.firstDelivery(CONSUMER, record, Set.of(SchoolUpserted.TYPE)).ifPresent(this::apply);
    }

    private void apply(CloudEvent event) {
        SchoolUpserted school = inbox.data(event, SchoolUpserted.class);
        if (!Uai.isValid(school.uai())) {
            throw Inbox.refused(event, Rejection.invalidInput("invalid-uai", "'" + school.uai() + "' is not a valid UAI"));
        }
        schools.applyFromDsden(school.toSchool());
    }
}
