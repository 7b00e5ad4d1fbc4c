package dev.ferry.provider.signature;

import java.util.List;
import java.util.Map;

/**
 * A form-encoded webhook request Twilio makes (or Ferry's bridge makes in Twilio's place), as far as
 * {@code X-Twilio-Signature} covers it.
 *
 * @param url the full URL that was called, including its raw query string
 * @param params the decoded form fields of a POST body; empty for GET, whose parameters are all in the URL
 */
public record TwilioWebhook(String url, Map<String, List<String>> params) {

    public TwilioWebhook {
        WebUrl.parse(url);
        params = Parameters.copyOf(params);
    }

    /** A POST with single-valued form fields. */
    public static TwilioWebhook post(String url, Map<String, String> formFields) {
        return new TwilioWebhook(url, Parameters.fromSingleValued(formFields));
    }

    /** A GET, or a POST with an empty body: only the URL is signed. */
    public static TwilioWebhook urlOnly(String url) {
        return new TwilioWebhook(url, Map.of());
    }
}
