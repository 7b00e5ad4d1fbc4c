package dev.ferry.sandbox.twilio;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Twilio's two paging shapes over keyset pages. The page token is opaque to clients, as Twilio's is: {@code PA<key>}
 * reads the page after a key, {@code PB<key>} the page before it. {@code Page} is only echoed back, never used to
 * compute offsets, so a client that computes pages instead of following the links gets wrong answers, as it
 * would from Twilio.
 */
final class TwilioSandboxPaging {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 1000;

    /** One page of rows and where the neighbours are. */
    record Slice<T>(
            List<T> items,
            int page,
            int pageSize,
            String firstKey,
            String lastKey,
            boolean hasPrevious,
            boolean hasNext) {}

    /** The paging parameters of a request, checked. */
    record Request(int page, int pageSize, String pageToken) {

        static Request of(Integer page, Integer pageSize, String pageToken) {
            int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw TwilioSandboxError.invalid("PageSize must be between 1 and " + MAX_PAGE_SIZE);
            }
            int number = page == null ? 0 : page;
            if (number < 0) {
                throw TwilioSandboxError.invalid("Page must not be negative");
            }
            if (pageToken != null
                    && !pageToken.isEmpty()
                    && !(pageToken.startsWith("PA") || pageToken.startsWith("PB"))) {
                throw TwilioSandboxError.invalid("PageToken is not valid");
            }
            return new Request(number, size, pageToken == null || pageToken.isEmpty() ? null : pageToken);
        }
    }

    private TwilioSandboxPaging() {}

    /**
     * Reads one page of an entity ordered by a string key.
     *
     * @param where a JPQL condition on alias {@code e}, or {@code "1 = 1"}
     */
    static <T> Slice<T> slice(
            Class<T> entity,
            String keyField,
            String where,
            Map<String, Object> params,
            Request request,
            Function<T, String> key) {
        String base = "from " + entity.getSimpleName() + " e where (" + where + ")";
        boolean backwards = request.pageToken() != null && request.pageToken().startsWith("PB");
        String jpql = base;
        Map<String, Object> all = new LinkedHashMap<>(params);
        if (request.pageToken() != null) {
            jpql += " and e." + keyField + (backwards ? " < :token" : " > :token");
            all.put("token", request.pageToken().substring(2));
        }
        jpql += " order by e." + keyField + (backwards ? " desc" : "");
        TypedQuery<T> query = Panache.getEntityManager().createQuery(jpql, entity);
        all.forEach(query::setParameter);
        List<T> rows =
                new ArrayList<>(query.setMaxResults(request.pageSize() + 1).getResultList());
        boolean more = rows.size() > request.pageSize();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        String first = rows.isEmpty() ? null : key.apply(rows.get(0));
        String last = rows.isEmpty() ? null : key.apply(rows.get(rows.size() - 1));
        boolean hasNext = backwards ? true : more;
        boolean hasPrevious = backwards ? more : first != null && exists(base, keyField, params, first);
        return new Slice<>(rows, request.page(), request.pageSize(), first, last, hasPrevious, hasNext && last != null);
    }

    private static boolean exists(String base, String keyField, Map<String, Object> params, String before) {
        // One row answers it: counting every earlier row made each page cost as much as all pages before it.
        var query = Panache.getEntityManager()
                .createQuery("select e." + keyField + " " + base + " and e." + keyField + " < :before", Object.class);
        params.forEach(query::setParameter);
        return !query.setParameter("before", before)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The 2010 envelope: records under {@code key}, relative {@code *_uri} links. */
    static Map<String, Object> envelope2010(
            String key, List<?> items, String path, Map<String, String> filters, Slice<?> s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items);
        int start = s.page() * s.pageSize();
        body.put("end", items.isEmpty() ? start : start + items.size() - 1);
        body.put("first_page_uri", path + query(filters, s.pageSize(), 0, null));
        body.put(
                "next_page_uri",
                s.hasNext() ? path + query(filters, s.pageSize(), s.page() + 1, "PA" + s.lastKey()) : null);
        body.put("page", s.page());
        body.put("page_size", s.pageSize());
        body.put(
                "previous_page_uri",
                s.hasPrevious()
                        ? path + query(filters, s.pageSize(), Math.max(0, s.page() - 1), "PB" + s.firstKey())
                        : null);
        body.put("start", start);
        body.put("uri", path + query(filters, s.pageSize(), s.page(), null));
        return body;
    }

    /** The v1 envelope: records under {@code key}, a {@code meta} object with absolute URLs (all keys present). */
    static Map<String, Object> envelopeMeta(
            String key, List<Map<String, Object>> items, String url, Map<String, String> filters, Slice<?> s) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", s.page());
        meta.put("page_size", s.pageSize());
        meta.put("first_page_url", url + query(filters, s.pageSize(), 0, null));
        meta.put(
                "previous_page_url",
                s.hasPrevious()
                        ? url + query(filters, s.pageSize(), Math.max(0, s.page() - 1), "PB" + s.firstKey())
                        : null);
        meta.put("url", url + query(filters, s.pageSize(), s.page(), null));
        meta.put(
                "next_page_url",
                s.hasNext() ? url + query(filters, s.pageSize(), s.page() + 1, "PA" + s.lastKey()) : null);
        meta.put("key", key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items);
        body.put("meta", meta);
        return body;
    }

    private static String query(Map<String, String> filters, int size, int page, String token) {
        StringBuilder q = new StringBuilder();
        filters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                q.append(q.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value));
            }
        });
        q.append(q.isEmpty() ? "?" : "&")
                .append("PageSize=")
                .append(size)
                .append("&Page=")
                .append(page);
        if (token != null) {
            q.append("&PageToken=").append(encode(token));
        }
        return q.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
