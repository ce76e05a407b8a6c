package fr.somme.ent.billing.messaging;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.somme.ent.billing.service.BeneficiaryStore;
import fr.somme.ent.commons.events.CloudEvent;
import fr.somme.ent.commons.events.CloudEventCodec;
import fr.somme.ent.commons.events.MalformedEventException;
import fr.somme.ent.commons.inbox.ProcessedEvents;
import fr.somme.ent.commons.problem.ProblemException;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Applies membership and provisioning events to the beneficiaries (art. 4.1, 4.3). Each event is applied once (its id
 * is recorded in the same transaction); other event types are marked processed and ignored; a record that cannot be
 * applied fails the transaction and goes to {@code <topic>.dlq}.
 */
@ApplicationScoped
public class BillingConsumers {

    static final String MEMBERSHIP = "billing.membership";
    static final String PROVISIONING = "billing.provisioning";
    private static final Logger LOG = Logger.getLogger(BillingConsumers.class);

    private final CloudEventCodec codec;
    private final ProcessedEvents processed;
    private final BeneficiaryStore store;
    private final Validator validator;

    public BillingConsumers(CloudEventCodec codec, ProcessedEvents processed, BeneficiaryStore store, Validator validator) {
        this.codec = codec;
        this.processed = processed;
        this.store = store;
        this.validator = validator;
    }

    @Incoming("membership")
    @Blocking(ordered = true)
    @Transactional
    public void membership(String record) {
        CloudEvent event = codec.read(record);
        if (!processed.firstDelivery(MEMBERSHIP, event)) {
            return;
        }
        try {
            switch (event.type()) {
                case IncomingEvents.MEMBER_REGISTERED, IncomingEvents.MEMBER_UPDATED ->
                    store.apply(valid(codec.dataAs(event, IncomingEvents.MemberRegistered.class)));
                case IncomingEvents.MEMBERSHIP_TERMINATED ->
                    store.apply(valid(codec.dataAs(event, IncomingEvents.MembershipTerminated.class)));
                case IncomingEvents.OPT_OUT_NOTIFIED ->
                    store.apply(valid(codec.dataAs(event, IncomingEvents.ComponentOptOutNotified.class)));
                default -> LOG.debugf("event type %s is not for billing, skipped", event.type());
            }
        } catch (ProblemException | IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " refused: " + e.getMessage(), e);
        }
    }

    @Incoming("provisioning")
    @Blocking(ordered = true)
    @Transactional
    public void provisioning(String record) {
        CloudEvent event = codec.read(record);
        if (!processed.firstDelivery(PROVISIONING, event)) {
            return;
        }
        try {
            switch (event.type()) {
                case IncomingEvents.ACCESS_STARTED -> store.apply(valid(codec.dataAs(event, IncomingEvents.AccessStarted.class)));
                case IncomingEvents.ACCESS_ENDED -> store.apply(valid(codec.dataAs(event, IncomingEvents.AccessEnded.class)));
                case IncomingEvents.ACCOUNTS_PROVISIONED ->
                    store.apply(event.id(), valid(codec.dataAs(event, IncomingEvents.AccountsProvisioned.class)));
                case IncomingEvents.LICENCES_ASSIGNED ->
                    store.apply(event.id(), valid(codec.dataAs(event, IncomingEvents.LicencesAssigned.class)));
                default -> LOG.debugf("event type %s is not for billing, skipped", event.type());
            }
        } catch (ProblemException | IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " " + event.id() + " refused: " + e.getMessage(), e);
        }
    }

    private <T> T valid(T data) {
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("invalid data: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
    }
}
