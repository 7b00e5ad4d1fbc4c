package dev.ferry.provider.signature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies of request parameters for the immutable request records. */
final class Parameters {

    private Parameters() {}

    /**
     * An unmodifiable copy that keeps the caller's order. A missing value is the empty string, as form encoding cannot
     * tell the two apart and the providers sign them alike.
     */
    static Map<String, List<String>> copyOf(Map<String, ? extends List<String>> params) {
        if (params == null || params.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name == null) {
                throw new IllegalArgumentException("parameter names must not be null");
            }
            List<String> valueCopy = new ArrayList<>();
            if (values == null || values.isEmpty()) {
                valueCopy.add("");
            } else {
                values.forEach(v -> valueCopy.add(v == null ? "" : v));
            }
            copy.put(name, Collections.unmodifiableList(valueCopy));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Single-valued parameters as the multi-valued form the records hold. */
    static Map<String, List<String>> fromSingleValued(Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((name, value) -> multi.put(name, Collections.singletonList(value == null ? "" : value)));
        return copyOf(multi);
    }
}
