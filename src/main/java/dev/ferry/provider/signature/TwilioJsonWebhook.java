package dev.ferry.provider.signature;

/**
 * A JSON-bodied webhook request Twilio makes. Twilio does not sign the body itself: it appends
 * {@code bodySHA256=<hex SHA-256 of the body>} to the URL and signs that URL.
 *
 * @param url the full URL that was called, including the {@code bodySHA256} query parameter
 * @param body the raw request body exactly as received
 */
public record TwilioJsonWebhook(String url, String body) {

    public TwilioJsonWebhook {
        WebUrl.parse(url);
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
    }

    /**
     * The request Ferry's bridge makes to deliver {@code body} to {@code configuredUrl}: the URL gains the
     * {@code bodySHA256} parameter that Twilio adds, after any query the configured URL already has.
     */
    public static TwilioJsonWebhook forBody(String configuredUrl, String body) {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null");
        }
        WebUrl.parse(configuredUrl);
        int fragment = configuredUrl.indexOf('#');
        String beforeFragment = fragment < 0 ? configuredUrl : configuredUrl.substring(0, fragment);
        String afterFragment = fragment < 0 ? "" : configuredUrl.substring(fragment);
        String joiner;
        if (beforeFragment.indexOf('?') < 0) {
            joiner = "?";
        } else if (beforeFragment.endsWith("?") || beforeFragment.endsWith("&")) {
            joiner = "";
        } else {
            joiner = "&";
        }
        String url = beforeFragment + joiner + TwilioSignature.BODY_HASH_PARAMETER + "=" + Hmac.sha256Hex(body)
                + afterFragment;
        return new TwilioJsonWebhook(url, body);
    }
}
