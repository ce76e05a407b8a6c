package fr.somme.ent.commons.inbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a consumer's {@code @Incoming} method (next to {@code @Transactional}): a transient database failure
 * ({@link TransientFailures}) is retried in place with backoff, each attempt in a new transaction, without acking
 * the record nor moving on (the partition's order is kept); any other failure goes on to the DLQ as before.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RetryTransient {
}
