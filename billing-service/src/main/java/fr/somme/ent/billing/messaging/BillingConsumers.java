package fr.somme.ent.billing.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies membership and provisioning events to the beneficiaries (art. 4.1, 4.3), a poll batch at a time
 * ({@code mp.messaging.incoming.<channel>.batch=true}): the whole batch in one transaction ({@link AppliedEvents}), each
 * event once. When the batch fails, its records are applied again one by one, each in its own transaction and in their
 * order: only a record that can never be applied goes to {@code <topic>.dlq}, with its reason; the others are applied.
 * A transient database failure is retried in place, the batch is not acknowledged before it is applied (per-partition
 * order kept).
 */
@ApplicationScoped
public class BillingConsumers {

    static final String MEMBERSHIP = AppliedEvents.MEMBERSHIP;
    static final String PROVISIONING = AppliedEvents.PROVISIONING;
    private static final Logger LOG = Logger.getLogger(BillingConsumers.class);

    private final AppliedEvents events;

    public BillingConsumers(AppliedEvents events) {
        this.events = events;
    }

    @Incoming("membership")
    @Blocking(ordered = true)
    public CompletionStage<Void> membership(KafkaRecordBatch<String, String> batch) {
        return consume(MEMBERSHIP, batch);
    }

    @Incoming("provisioning")
    @Blocking(ordered = true)
    public CompletionStage<Void> provisioning(KafkaRecordBatch<String, String> batch) {
        return consume(PROVISIONING, batch);
    }

    /** One record of ent.membership.v1 in its own transaction (the DLQ replay delivers records this way). */
    public void membershipRecord(String record) {
        events.applyRecord(MEMBERSHIP, record);
    }

    /** One record of ent.provisioning.v1 in its own transaction (the DLQ replay delivers records this way). */
    public void provisioningRecord(String record) {
        events.applyRecord(PROVISIONING, record);
    }

    private CompletionStage<Void> consume(String consumer, KafkaRecordBatch<String, String> batch) {
        try {
            events.applyBatch(consumer, batch.getPayload());
        } catch (Exception batchFailed) {
            LOG.infof("%s: a batch of %d records was refused (%s): its records are applied one by one", consumer,
                    batch.getRecords().size(), batchFailed.getMessage());
            oneByOne(consumer, batch);
        }
        return batch.ack();
    }

    /** Each record in its own transaction; one that cannot be applied goes to the DLQ before the batch is acknowledged. */
    private void oneByOne(String consumer, KafkaRecordBatch<String, String> batch) {
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.applyRecord(consumer, record.getPayload());
            } catch (Exception refused) {
                LOG.warnf("%s: a record of %s-%d cannot be applied, sent to the DLQ: %s", consumer, record.getTopic(),
                        record.getPartition(), refused.getMessage());
                record.nack(refused).toCompletableFuture().join();
            }
        }
    }
}
