package dev.ferry.messaging.callback;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URLs Ferry gives Plivo for its callbacks, and the URL a callback was made to, both on
 * {@code ferry.external-base-url}: behind a proxy Ferry sees another host than Plivo called, and the signatures cover
 * the URL as Plivo called it.
 */
@ApplicationScoped
public class CallbackUrls {

    public static final String ROOT = "/callbacks/plivo";

    private static final Pattern ANY_LOOPBACK_PORT = Pattern.compile("https?://localhost:0");

    @ConfigProperty(name = "ferry.external-base-url")
    String externalBaseUrl;

    /** {@link #base()} once worked out. */
    private volatile String resolved;

    @Inject
    Instance<HttpServer> server;

    /** Where Plivo posts the delivery reports of the tenant's messages. */
    public String messageStatus(String tenantId) {
        return base() + ROOT + "/" + tenantId + "/message-status";
    }

    /** Where Plivo posts messages sent to the tenant's numbers (an application's message_url). */
    public String inboundMessages(String tenantId) {
        return base() + ROOT + "/" + tenantId + "/inbound-messages";
    }

    /** The URL as Plivo called it: the external base URL, then the path and query string as received. */
    public String asCalled(String rawPath, String rawQuery) {
        return base() + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    /**
     * The external base URL without a trailing slash. A loopback URL on port 0 names this server when it took any
     * free port (the tests): it is resolved against the port taken. Worked out once, when the port is known: every
     * callback asks.
     */
    String base() {
        String known = resolved;
        if (known != null) {
            return known;
        }
        String root = externalBaseUrl.endsWith("/")
                ? externalBaseUrl.substring(0, externalBaseUrl.length() - 1)
                : externalBaseUrl;
        if (!ANY_LOOPBACK_PORT.matcher(root).matches()) {
            resolved = root;
            return root;
        }
        int port = server.isResolvable() ? server.get().getPort() : 0;
        if (port <= 0) {
            return root;
        }
        known = root.substring(0, root.length() - 1) + port;
        resolved = known;
        return known;
    }
}
