package dev.ferry.common.replica;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This replica's identity in the leases it writes ({@code job.lease_owner}, {@code webhook_delivery.lease_owner}):
 * {@code <name>/<8 random hex>}, one value per process. The name is {@code ferry.replica-name}, by default the host
 * name (the pod name in Kubernetes), so an operator can tell which replica holds a job or a delivery; the random part
 * tells a restarted replica from its previous life.
 */
@ApplicationScoped
public class Replica {

    private final String id;

    public Replica(@ConfigProperty(name = "ferry.replica-name") Optional<String> name) {
        String base = name.map(String::strip).filter(n -> !n.isEmpty()).orElseGet(Replica::hostName);
        this.id = base + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The lease owner this replica writes. */
    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "ferry";
        }
    }
}
