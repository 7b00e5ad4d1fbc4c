package dev.ferry.sandbox.plivo;

import dev.ferry.provider.signature.PlivoCallback;
import dev.ferry.provider.signature.PlivoCallbackSigner;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends the sandbox's callbacks the way Plivo does: form-encoded POST (or query-string GET), signed with the V3 and V2
 * header sets, each keyed with the owning account's token and with the main account's. Runs them on a small executor
 * of its own, so an API call answers before its callbacks go out, as Plivo's do.
 */
@ApplicationScoped
public class SandboxCallbacks {

    private static final Logger LOG = Logger.getLogger(SandboxCallbacks.class);

    /** What one callback needs: where it goes, what it says, and the tokens it is signed with. */
    public record Delivery(String url, String method, Map<String, String> params, String ownerToken, String mainToken) {

        @Override
        public String toString() {
            return "Delivery[" + method + "]";
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Two threads: callbacks are short HTTP calls, and a slow receiver must not hold up the whole sandbox. */
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, new DaemonThreads());

    /** Runs {@code step} after {@code delay}; a failing step is logged and does not stop the executor. */
    public void schedule(Runnable step, Duration delay) {
        executor.schedule(
                () -> {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Plivo sandbox step failed");
                    }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Sends one signed callback and waits for the answer.
     *
     * @return the receiver's HTTP status, or -1 when it could not be reached
     */
    public int deliver(Delivery delivery) {
        boolean get = "GET".equalsIgnoreCase(delivery.method());
        PlivoCallback callback = get
                ? PlivoCallback.get(delivery.url(), delivery.params())
                : PlivoCallback.post(delivery.url(), delivery.params());
        Map<String, String> headers =
                new PlivoCallbackSigner(delivery.ownerToken(), delivery.mainToken()).headers(callback);
        String form = form(delivery.params());
        try {
            HttpRequest.Builder request;
            if (get) {
                String separator = delivery.url().contains("?") ? "&" : "?";
                request = HttpRequest.newBuilder(URI.create(delivery.url() + separator + form))
                        .GET();
            } else {
                request = HttpRequest.newBuilder(URI.create(delivery.url()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form));
            }
            request.timeout(Duration.ofSeconds(10)).header("User-Agent", "PlivoHTTP/1.0 (Ferry sandbox)");
            headers.forEach(request::header);
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            LOG.debugf("Plivo sandbox callback answered %d", status);
            return status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.infof("Plivo sandbox callback could not be delivered: %s", e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "plivo-sandbox-callbacks-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    static String upper(String method) {
        return method == null ? "POST" : method.toUpperCase(Locale.ROOT);
    }
}
