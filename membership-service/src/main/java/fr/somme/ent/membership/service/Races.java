package fr.somme.ent.membership.service;

import jakarta.persistence.PersistenceException;

import fr.somme.ent.commons.rules.Rejection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Two concurrent requests can both pass a rule checked by a query; the database's unique keys then refuse the second
 * one. Flushing inside the use case turns that refusal into the rule's rejection instead of a 500 at commit.
 */
final class Races {

    private Races() {
    }

    static void flushOr(PanacheRepositoryBase<?, ?> repository, Rejection rejection) {
        try {
            repository.flush();
        } catch (PersistenceException e) {
            throw ConcurrentUpdates.isConcurrentUpdate(e) ? ConcurrentUpdates.conflict() : rejection;
        }
    }
}
