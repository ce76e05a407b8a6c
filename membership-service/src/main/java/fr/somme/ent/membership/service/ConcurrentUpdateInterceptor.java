package fr.somme.ent.membership.service;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs around the transaction ({@code @Transactional}'s interceptor has priority PLATFORM_BEFORE + 200), so that a stale
 * row found at a flush or at the commit is already rolled back when it becomes {@code 409 concurrent-update}.
 */
@RefusesConcurrentUpdates
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConcurrentUpdateInterceptor {

    @AroundInvoke
    Object refuseLostRaces(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception e) { // at the commit, a stale row comes as the transaction manager's checked RollbackException
            if (ConcurrentUpdates.isConcurrentUpdate(e)) {
                throw ConcurrentUpdates.conflict();
            }
            throw e;
        }
    }
}
