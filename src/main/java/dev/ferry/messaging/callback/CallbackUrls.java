package dev.ferry.messaging.callback;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URLs Ferry gives Plivo for its callbacks, and the URL a callback was made to, both on
 * {@code ferry.external-base-url}: behind a proxy Ferry sees another host than Plivo called, and the signatures cover
 * the URL as Plivo called it.
 */
@ApplicationScoped
public class CallbackUrls {

    public static final String ROOT = "/callbacks/plivo";

    @ConfigProperty(name = "ferry.external-base-url")
    String externalBaseUrl;

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
     * free port (the tests): it is resolved against the port taken.
     */
    String base() {
        String root = externalBaseUrl.endsWith("/")
                ? externalBaseUrl.substring(0, externalBaseUrl.length() - 1)
                : externalBaseUrl;
        if (root.matches("https?://localhost:0") && server.isResolvable()) {
            int port = server.get().getPort();
            if (port > 0) {
                return root.replaceFirst(":0$", ":" + port);
            }
        }
        return root;
    }
}
