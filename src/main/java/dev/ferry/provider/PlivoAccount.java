package dev.ferry.provider;

import java.net.URI;

/**
 * The credentials and base URL of one Plivo (sub)account, as the vault hands them to the client for one call.
 *
 * @param authId the 20-character MA... or SA... id
 * @param authToken the secret; never logged, never returned by the API
 * @param baseUrl the API root, such as https://api.plivo.com or Ferry's own /sandbox/plivo
 */
public record PlivoAccount(String authId, String authToken, URI baseUrl) {

    @Override
    public String toString() {
        return "PlivoAccount[" + authId + " at " + baseUrl + "]";
    }
}
