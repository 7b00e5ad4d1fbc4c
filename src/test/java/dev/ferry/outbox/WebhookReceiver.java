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
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback that keeps what it got and can answer 500 a given number of times first. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String eventId, String signature, String body, JsonNode json, long receivedAtNanos) {

        long requestId() {
            return json.path("data").path("requestId").asLong();
        }

        String to() {
            return json.path("data").path("to").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            synchronized (received) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("Ferry-Event-Id"),
                        exchange.getRequestHeaders().getFirst("Ferry-Signature"),
                        body,
                        JSON.readTree(body),
                        System.nanoTime()));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void failNext(int times) {
        failuresLeft.set(times);
    }

    /** Everything that arrived, in arrival order. */
    List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** What arrived for one porting request, in arrival order. */
    List<Received> forRequest(long requestId) {
        synchronized (received) {
            return received.stream().filter(r -> r.requestId() == requestId).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
