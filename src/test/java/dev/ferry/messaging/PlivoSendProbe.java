package dev.ferry.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Looks at the database the moment a send reaches the Plivo sandbox, from a connection of its own: what it sees
 * there is what Ferry had committed before calling Plivo. Inert unless a test arms it with the text of its message.
 */
public class PlivoSendProbe {

    /** One stored message as the probe saw it. */
    public record Seen(long id, String status, String plivoUuid) {}

    private static volatile String armedFor;
    private static volatile List<Seen> seen;

    @Inject
    AgroalDataSource db;

    /** Watches the next sends of a message with this text. */
    static void arm(String text) {
        seen = null;
        armedFor = text;
    }

    /** What the probe saw when the send reached Plivo; null when no send reached it. */
    static List<Seen> disarm() {
        armedFor = null;
        return seen;
    }

    @ServerRequestFilter
    public void look(ContainerRequestContext request) throws SQLException {
        String text = armedFor;
        if (text == null
                || !"POST".equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/sandbox/plivo/v1/Account/")
                || !request.getUriInfo().getPath().endsWith("/Message/")) {
            return;
        }
        List<Seen> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT id, status, plivo_uuid FROM message WHERE text = ? ORDER BY id")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Seen(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        seen = rows;
    }
}
