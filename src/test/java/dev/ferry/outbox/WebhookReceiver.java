package dev.ferry.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook receiver on loopback that keeps what it got, can answer 500 a given number of times first, and can hold
 * the next request unanswered (so that the sender can be stopped while the delivery is in flight).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String eventId, String signature, String body, JsonNode json, long receivedAtNanos) {

        public long requestId() {
            return json.path("data").path("requestId").asLong();
        }

        public String to() {
            return json.path("data").path("to").asText();
        }
    }

    /** A request kept unanswered until {@link #release()}. */
    public static final class Hold {
        private final CompletableFuture<Received> arrived = new CompletableFuture<>();
        private final CountDownLatch released = new CountDownLatch(1);

        /** The held request, once it arrived. */
        public CompletableFuture<Received> arrived() {
            return arrived;
        }

        /** Lets the held request be answered (into a closed connection, if its sender is gone). */
        public void release() {
            released.countDown();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<Hold> nextHold = new AtomicReference<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A thread per request: a held request must not keep the others waiting.
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            Received r = new Received(
                    exchange.getRequestHeaders().getFirst("Ferry-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Ferry-Signature"),
                    body,
                    JSON.readTree(body),
                    System.nanoTime());
            Hold hold;
            synchronized (received) {
                received.add(r);
                hold = nextHold.getAndSet(null);
            }
            if (hold != null) {
                hold.arrived.complete(r);
                try {
                    hold.released.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException e) {
                // The sender is gone (it was stopped while its request was held).
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    /** Holds the next request that arrives unanswered until the returned hold is released. */
    public Hold holdNext() {
        Hold hold = new Hold();
        nextHold.set(hold);
        return hold;
    }

    /** Everything that arrived, in arrival order. */
    public List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** What arrived for one porting request, in arrival order. */
    public List<Received> forRequest(long requestId) {
        synchronized (received) {
            return received.stream().filter(r -> r.requestId() == requestId).toList();
        }
    }

    @Override
    public void close() {
        nextHold.set(null);
        server.stop(0);
        threads.shutdownNow();
    }
}
