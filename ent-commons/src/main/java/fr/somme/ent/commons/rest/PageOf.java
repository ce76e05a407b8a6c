package fr.somme.ent.commons.rest;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one envelope of every list of the four services (SCIM keeps RFC 7644's): {@code items} of the 0-based
 * {@code page} of {@code size} items, in a stable order (a unique key last), and {@code total}, the number of items
 * of the whole list. A list answers {@code ?page=0&size=50} by default; {@code size} is at most {@link #MAX_SIZE}
 * unless the list states its own maximum.
 */
@Schema(description = "A page of a list: items of the 0-based page, the page size asked for and the total count of the list")
public record PageOf<T>(
        @Schema(description = "the items of this page, in the list's stable order") List<T> items,
        @Schema(description = "0-based page number", examples = "0", minimum = "0") int page,
        @Schema(description = "page size asked for", examples = "50", minimum = "1") int size,
        @Schema(description = "number of items of the whole list", examples = "1", minimum = "0") long total) {

    /** Query parameter names and bounds, shared by every list. */
    public static final String PAGE = "page";
    public static final String SIZE = "size";
    public static final int DEFAULT_SIZE = 50;
    public static final String DEFAULT_SIZE_TEXT = "50";
    public static final int MAX_SIZE = 500;

    /** The page of an already complete, stably ordered list (for lists that are small by nature). */
    public static <T> PageOf<T> of(List<T> all, int page, int size) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new PageOf<>(List.copyOf(all.subList((int) from, (int) to)), page, size, all.size());
    }

    /** The row offset of a page, for SQL {@code OFFSET}. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }

    public <R> PageOf<R> map(Function<? super T, ? extends R> f) {
        return new PageOf<>(items.stream().<R>map(f).toList(), page, size, total);
    }
}
