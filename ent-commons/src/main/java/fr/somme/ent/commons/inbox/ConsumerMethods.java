package fr.somme.ent.commons.inbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The service's consumers, found by their {@code @Incoming} methods that take the record as a String, per topic
 * ({@code mp.messaging.incoming.<channel>.topic}, the channel's name by default) with their DLQ topic
 * ({@code .dead-letter-queue.topic}). A call goes through the bean's interceptors ({@code @Transactional},
 * {@link RetryTransient}), exactly as a delivery by the connector.
 */
@ApplicationScoped
public class ConsumerMethods {

    /** A consumer of {@code topic}: its bean, method and DLQ topic. */
    public record Consumer(String channel, String topic, String dlqTopic, Bean<?> bean, Method method) {
    }

    private final BeanManager beans;
    private final Config config;
    private volatile Map<String, Consumer> byTopic;

    public ConsumerMethods(BeanManager beans, Config config) {
        this.beans = beans;
        this.config = config;
    }

    public Optional<Consumer> forTopic(String topic) {
        return Optional.ofNullable(consumers().get(topic));
    }

    /** Delivers {@code record} to the consumer as the connector would; a failure is thrown as the consumer threw it. */
    public void deliver(Consumer consumer, String record) throws Exception {
        Object instance = beans.getReference(consumer.bean(), consumer.bean().getBeanClass(), beans.createCreationalContext(consumer.bean()));
        try {
            consumer.method().invoke(instance, record);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Map<String, Consumer> consumers() {
        Map<String, Consumer> found = byTopic;
        if (found == null) {
            found = new HashMap<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                    Incoming incoming = method.getAnnotation(Incoming.class);
                    if (incoming != null && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class) {
                        String channel = incoming.value();
                        String prefix = "mp.messaging.incoming." + channel + ".";
                        String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
                        String dlq = config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
                                .orElse("dead-letter-topic-" + channel);
                        found.putIfAbsent(topic, new Consumer(channel, topic, dlq, bean, method));
                    }
                }
            }
            byTopic = Map.copyOf(found);
        }
        return found;
    }
}
