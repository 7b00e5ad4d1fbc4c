package dev.ferry.provider.twilio;

import dev.ferry.provider.ProviderException;

/**
 * A Twilio failure that may pass (429, 5xx, no answer in time). Its own type so that fault tolerance can tell it
 * apart by class: only these are retried and only these count against the circuit breaker, so one tenant's wrong
 * token (401) never opens the breaker for every tenant.
 */
public class TwilioTransientException extends ProviderException {

    public TwilioTransientException(Kind kind, int status, String message, Throwable cause) {
        super(TwilioErrorTranslator.PROVIDER, kind, status, message, cause);
    }
}
