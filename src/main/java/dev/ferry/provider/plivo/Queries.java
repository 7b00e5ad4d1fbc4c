package dev.ferry.provider.plivo;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds query maps that leave unset filters out, as Plivo reads an empty filter differently from none. */
final class Queries {

    private final Map<String, String> values = new LinkedHashMap<>();

    static Queries of() {
        return new Queries();
    }

    Queries put(String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
        return this;
    }

    Map<String, String> build() {
        return values;
    }
}
