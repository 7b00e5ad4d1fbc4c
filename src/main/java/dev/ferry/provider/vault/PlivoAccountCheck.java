package dev.ferry.provider.vault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.provider.PlivoAccount;
import dev.ferry.provider.ProviderException;
import dev.ferry.provider.ProviderException.Kind;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The one Plivo call the vault needs: {@code GET /v1/Account/{auth_id}/}, which answers the account's name when the
 * credentials work. Kept to this call on purpose; the full Plivo client lives in {@code dev.ferry.provider.plivo}.
 * A verification is one request a person asked for, so it is not retried: they can ask again.
 */
@ApplicationScoped
public class PlivoAccountCheck {

    /** What Plivo says about an account. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlivoAccountDetails(
            @JsonProperty("auth_id") String authId,
            @JsonProperty("name") String name,
            @JsonProperty("account_type") String accountType) {}

    @RegisterRestClient(configKey = "plivo-account")
    @Produces(MediaType.APPLICATION_JSON)
    interface Api {

        @GET
        @Path("/v1/Account/{authId}/")
        PlivoAccountDetails account(
                @Url String host,
                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                @PathParam("authId") String authId);

        @ClientExceptionMapper
        static RuntimeException toException(Response response) {
            String error = "";
            try {
                String body = response.hasEntity() ? response.readEntity(String.class) : "";
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
                if (node != null && node.hasNonNull("error")) {
                    String text = node.get("error").asText();
                    error = " (" + (text.length() > 300 ? text.substring(0, 300) + "..." : text) + ")";
                }
            } catch (Exception e) {
                // not Plivo's error document; the status says enough
            }
            int status = response.getStatus();
            Kind kind = switch (status) {
                case 401 -> Kind.UNAUTHORIZED;
                case 403 -> Kind.FORBIDDEN;
                case 404 -> Kind.NOT_FOUND;
                case 429 -> Kind.RATE_LIMITED;
                default -> status >= 500 ? Kind.SERVER_ERROR : Kind.BAD_REQUEST;
            };
            return new ProviderException("plivo", kind, status, "Plivo answered HTTP " + status + error, null);
        }
    }

    @Inject
    @org.eclipse.microprofile.rest.client.inject.RestClient
    Api api;

    /** Plivo's main API host, used when a connection names no base URL of its own. */
    @ConfigProperty(name = "quarkus.rest-client.plivo-account.url", defaultValue = "https://api.plivo.com")
    URI plivoApiUrl;

    /** Fetches the account the credentials belong to. */
    public PlivoAccountDetails fetch(PlivoAccount account) {
        String host = account.baseUrl() == null
                ? plivoApiUrl.toString()
                : account.baseUrl().toString();
        if (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        String pair = account.authId() + ":" + account.authToken();
        String basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        try {
            return api.account(host, basic, account.authId());
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(
                    "plivo",
                    timeout(e) ? Kind.TIMEOUT : Kind.SERVER_ERROR,
                    0,
                    "The call to Plivo failed: "
                            + (timeout(e) ? "no answer in time" : e.getClass().getSimpleName()),
                    null);
        }
    }

    private static boolean timeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
