package dev.ferry.sandbox.plivo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Request arguments as the Plivo sandbox reads them: a JSON body (on POST and DELETE, as Plivo's SDKs send them),
 * falling back to the query string, unknown keys ignored, booleans accepted as JSON booleans or the strings
 * {@code "true"}/{@code "false"}.
 */
public final class SandboxJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode body;
    private final MultivaluedMap<String, String> query;

    private SandboxJson(JsonNode body, MultivaluedMap<String, String> query) {
        this.body = body;
        this.query = query;
    }

    /** A new request id, as every Plivo answer carries one. */
    public static String apiId() {
        return UUID.randomUUID().toString();
    }

    /** Parses a request; an empty body is no body, a body that is not a JSON object is a 400. */
    public static SandboxJson of(String text, MultivaluedMap<String, String> query) {
        JsonNode node = NullNode.getInstance();
        if (text != null && !text.isBlank()) {
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw PlivoFault.badRequest("the request body is not valid JSON");
            }
            if (!node.isObject()) {
                throw PlivoFault.badRequest("the request body must be a JSON object");
            }
        }
        return new SandboxJson(node, query);
    }

    public boolean has(String name) {
        return body.hasNonNull(name) || (query != null && query.getFirst(name) != null);
    }

    /** A text argument, or null when absent. Numbers and booleans are read as their text. */
    public String text(String name) {
        if (body.hasNonNull(name)) {
            JsonNode value = body.get(name);
            return value.isValueNode() ? value.asText() : value.toString();
        }
        return query == null ? null : query.getFirst(name);
    }

    public String text(String name, String fallback) {
        String value = text(name);
        return value != null ? value : fallback;
    }

    /** A boolean argument; anything but true/false (any case, JSON or string) is a 400. */
    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if ("true".equalsIgnoreCase(value.strip())) {
            return true;
        }
        if ("false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        throw PlivoFault.badRequest(name + " must be true or false");
    }

    public boolean bool(String name, boolean fallback) {
        return Objects.requireNonNullElse(bool(name), fallback);
    }

    /** A list argument: a JSON array, or a comma-separated string (Plivo's docs describe media_urls that way). */
    public List<String> list(String name) {
        List<String> values = new ArrayList<>();
        if (body.has(name) && body.get(name).isArray()) {
            body.get(name).forEach(v -> values.add(v.asText()));
            return values;
        }
        String text = text(name);
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    /** A JSON argument kept as JSON text, or null. */
    public String json(String name) {
        return body.has(name) && !body.get(name).isNull() ? body.get(name).toString() : null;
    }

    /** An ordered map for an answer, with {@code api_id} first. */
    public static Map<String, Object> answer() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("api_id", apiId());
        return map;
    }

    /** Parses stored JSON text back into a tree for an answer. */
    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    /**
     * A list answer: {@code {"api_id", "meta", "objects"}} with offset paging as section 1.5 describes; {@code next}
     * and {@code previous} are paths relative to the API root, or null.
     *
     * @param total the number of matching items, or null to leave {@code total_count} out (message lists)
     */
    public static <T> Map<String, Object> page(
            List<T> items, Paging paging, String path, Integer total, Function<T, Map<String, Object>> view) {
        int end = Math.min(items.size(), paging.offset() + paging.limit());
        List<Map<String, Object>> objects = paging.offset() >= items.size()
                ? List.of()
                : items.subList(paging.offset(), end).stream().map(view).toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("limit", paging.limit());
        meta.put("next", end < items.size() ? path + "?limit=" + paging.limit() + "&offset=" + end : null);
        meta.put("offset", paging.offset());
        meta.put(
                "previous",
                paging.offset() > 0
                        ? path + "?limit=" + paging.limit() + "&offset=" + Math.max(0, paging.offset() - paging.limit())
                        : null);
        if (total != null) {
            meta.put("total_count", total);
        }
        Map<String, Object> answer = answer();
        answer.put("meta", meta);
        answer.put("objects", objects);
        return answer;
    }

    /** limit 1 to 20 (default 20) and offset 0 or more (default 0); anything else is a 400. */
    public record Paging(int limit, int offset) {

        public static Paging of(SandboxJson args) {
            int limit = number(args.text("limit"), 20, "limit");
            int offset = number(args.text("offset"), 0, "offset");
            if (limit < 1 || limit > 20) {
                throw PlivoFault.badRequest("limit must be between 1 and 20");
            }
            if (offset < 0) {
                throw PlivoFault.badRequest("offset must not be negative");
            }
            return new Paging(limit, offset);
        }

        private static int number(String text, int fallback, String name) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw PlivoFault.badRequest(name + " must be a number");
            }
        }
    }
}
