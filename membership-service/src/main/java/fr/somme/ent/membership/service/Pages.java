package fr.somme.ent.membership.service;

import java.util.List;

import fr.somme.ent.commons.rest.PageOf;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * A page of a list read in SQL (LIMIT/OFFSET and a COUNT): a page beyond the end is empty, never a failure, however large
 * its number (its offset may not fit the {@code int} of a query's first result).
 */
final class Pages {

    /** Reads the rows {@code [offset, offset + limit)} of a stably ordered list. */
    interface Rows<T> {
        List<T> read(int offset, int limit);
    }

    private Pages() {
    }

    static <T> PageOf<T> of(long total, int page, int size, Rows<T> rows) {
        long offset = PageOf.offset(page, size);
        List<T> items = offset >= total ? List.of() : rows.read((int) offset, size);
        return new PageOf<>(items, page, size, total);
    }

    static <T> PageOf<T> of(PanacheQuery<T> query, int page, int size) {
        return of(query.count(), page, size, (offset, limit) -> query.range(offset, offset + limit - 1).list());
    }
}
