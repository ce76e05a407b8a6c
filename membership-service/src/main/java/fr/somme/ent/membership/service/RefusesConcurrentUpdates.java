package fr.somme.ent.membership.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/** A use case whose lost races on a versioned aggregate answer {@code 409 concurrent-update} ({@link ConcurrentUpdateInterceptor}). */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RefusesConcurrentUpdates {
}
