package dev.ferry.provider.plivo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** How Ferry reaches Plivo. Credentials are not here: they come per call from the vault as a PlivoAccount. */
@ConfigMapping(prefix = "ferry.plivo")
public interface PlivoConfig {

    /** Root of Plivo's main REST API; a PlivoAccount whose base URL equals it uses {@link #lookupBaseUrl()}. */
    @WithDefault("https://api.plivo.com")
    URI apiBaseUrl();

    /** Root of Plivo's Lookup API, which lives on its own host. */
    @WithDefault("https://lookup.plivo.com")
    URI lookupBaseUrl();

    /** Longest wait for a TCP connection to Plivo. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest wait for Plivo's answer once connected; a call that takes longer fails as TIMEOUT. */
    @WithDefault("10s")
    Duration readTimeout();

    /** Longest Retry-After Ferry honours on a 429 before retrying a read; longer hints fail the call instead. */
    @WithDefault("5s")
    Duration retryAfterCap();
}
