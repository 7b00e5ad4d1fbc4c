package dev.ferry.common.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a keyset-paginated list.
 *
 * @param items the page's items, in the list's order
 * @param next the cursor for the following page, or null on the last page
 */
public record Page<T>(
        List<T> items, @Schema(nullable = true) String next) {

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells that there is more.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, T> mapper, Function<E, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(mapper).toList(), next);
    }
}
