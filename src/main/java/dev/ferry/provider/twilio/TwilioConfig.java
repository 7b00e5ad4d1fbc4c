package dev.ferry.provider.twilio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/**
 * Where Twilio's hosts are and how the client pages. An account with its own base URL (Ferry's sandbox, say)
 * overrides the hosts: each host is then served under {@code <base>/<host label>}, such as {@code <base>/api}.
 */
@ConfigMapping(prefix = "ferry.twilio")
public interface TwilioConfig {

    /** The 2010-04-01 API host (accounts, incoming phone numbers). */
    @WithDefault("https://api.twilio.com")
    URI apiUrl();

    /** The Messaging v1 host (Messaging Services and their senders). */
    @WithDefault("https://messaging.twilio.com")
    URI messagingUrl();

    /** The Accounts v1 host (messaging geo permissions). */
    @WithDefault("https://accounts.twilio.com")
    URI accountsUrl();

    /** Records asked for per page; Twilio allows up to 1000, fewer pages mean fewer calls against the rate limit. */
    @WithDefault("1000")
    int pageSize();
}
