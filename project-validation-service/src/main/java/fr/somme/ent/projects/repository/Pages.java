package fr.somme.ent.projects.repository;

import java.util.List;

import fr.somme.ent.commons.rest.PageOf;
import io.quarkus.panache.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** A page of an ordered Panache query: LIMIT/OFFSET and a COUNT in SQL. */
final class Pages {

    private Pages() {
    }

    /** A page past the last row, even one whose offset does not fit an int (Panache's offsets are ints), is empty. */
    static <T> PageOf<T> of(PanacheQuery<T> query, int page, int size) {
        long offset = PageOf.offset(page, size);
        List<T> items = offset + size > Integer.MAX_VALUE ? List.of() : query.page(Page.of(page, size)).list();
        return new PageOf<>(items, page, size, query.count());
    }
}
