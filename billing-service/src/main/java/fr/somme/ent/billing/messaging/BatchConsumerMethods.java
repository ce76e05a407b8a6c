package fr.somme.ent.billing.messaging;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import fr.somme.ent.commons.inbox.ConsumerMethods;

/**
 * ent-commons' DLQ replay ({@code POST /ops/dlq/{topic}/replay}) finds a service's consumers by their {@code @Incoming}
 * methods taking one record as a String; billing's take a whole poll batch. This tells the replay which method applies
 * one record of each consumed topic ({@link BillingConsumers#membershipRecord}, {@link BillingConsumers#provisioningRecord}:
 * its own transaction, the transient retries, the same effect as in a batch), with the channel's DLQ topic. A
 * {@code @Singleton} (no client proxy: the ent-commons class it extends has no constructor without arguments).
 */
@Alternative
@Priority(1)
@Singleton
public class BatchConsumerMethods extends ConsumerMethods {

    private static final List<String> CHANNELS = List.of("membership", "provisioning");

    private final BeanManager beans;
    private final Config config;

    public BatchConsumerMethods(BeanManager beans, Config config) {
        super(beans, config);
        this.beans = beans;
        this.config = config;
    }

    @Override
    public Optional<Consumer> forTopic(String topic) {
        for (String channel : CHANNELS) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (topic.equals(config.getOptionalValue(prefix + "topic", String.class).orElse(channel))) {
                String dlq = config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
                        .orElse("dead-letter-topic-" + channel);
                Bean<?> bean = beans.resolve(beans.getBeans(BillingConsumers.class));
                return Optional.of(new Consumer(channel, topic, dlq, bean, recordMethod(channel)));
            }
        }
        return Optional.empty();
    }

    private static Method recordMethod(String channel) {
        try {
            return BillingConsumers.class.getMethod(channel + "Record", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("BillingConsumers has no " + channel + "Record(String)", e);
        }
    }
}
