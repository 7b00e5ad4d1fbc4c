package dev.ferry.provider.signature;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request Plivo makes (or Ferry's Plivo sandbox makes) to a callback URL, as far as its signatures cover it.
 *
 * @param method the HTTP method the callback used
 * @param url the full URL that was called, including any query string
 * @param params for {@link Method#POST} the decoded form fields of the body; for {@link Method#GET} the parameters
 *     Plivo added to the configured URL (passing the full received URL with no parameters signs the same)
 */
public record PlivoCallback(Method method, String url, Map<String, List<String>> params) {

    /** Plivo calls callbacks with GET or POST only; the signatures treat the two differently. */
    public enum Method {
        GET,
        POST;

        /** Case-insensitive, so a servlet's or Vert.x's method name can be passed straight in. */
        public static Method parse(String method) {
            if (method == null) {
                throw new IllegalArgumentException("method must not be null");
            }
            try {
                return valueOf(method.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Plivo callbacks use GET or POST, not " + method, e);
            }
        }
    }

    public PlivoCallback {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        WebUrl.parse(url);
        params = Parameters.copyOf(params);
    }

    /** A POST callback with single-valued form fields. */
    public static PlivoCallback post(String url, Map<String, String> formFields) {
        return new PlivoCallback(Method.POST, url, Parameters.fromSingleValued(formFields));
    }

    /** A GET callback; {@code addedParams} are the parameters Plivo appended to the configured URL. */
    public static PlivoCallback get(String url, Map<String, String> addedParams) {
        return new PlivoCallback(Method.GET, url, Parameters.fromSingleValued(addedParams));
    }
}
