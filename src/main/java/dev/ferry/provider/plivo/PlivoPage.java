package dev.ferry.provider.plivo;

import java.util.List;

/**
 * One page of a Plivo list (section 1.5 of the Plivo API reference): {@code {"api_id", "meta", "objects"}}.
 *
 * @param objects the items, newest first for messages
 */
public record PlivoPage<T>(String apiId, Meta meta, List<T> objects) {

    /**
     * Offset pagination. {@code next} and {@code previous} are relative paths with their query, or null (number pool
     * lists write an empty string). Message lists carry no {@code total_count}.
     */
    public record Meta(Integer limit, Integer offset, String next, String previous, Integer totalCount) {

        public boolean hasNext() {
            return next != null && !next.isEmpty();
        }
    }
}
