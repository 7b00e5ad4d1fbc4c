package dev.ferry.provider;

import java.net.URI;

/**
 * The credentials of one Twilio account, as the vault hands them to the client for one call.
 *
 * @param accountSid the AC... sid
 * @param authToken the secret; never logged, never returned by the API
 * @param baseUrl the root that stands for Twilio's hosts: Ferry's /sandbox/twilio, or empty for the real hosts
 */
public record TwilioAccount(String accountSid, String authToken, URI baseUrl) {

    @Override
    public String toString() {
        return "TwilioAccount[" + accountSid + "]";
    }
}
