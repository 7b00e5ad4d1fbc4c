package dev.ferry.provider.plivo;

import java.util.List;
import java.util.Map;

/** Wire records of Plivo Powerpacks and their number pools (section 6 of the Plivo API reference). */
public final class PlivoPowerpacks {

    private PlivoPowerpacks() {}

    /**
     * Fields of a Powerpack create or update; null leaves a field out.
     *
     * @param applicationType xml or phlo; required when {@code applicationId} is given
     */
    public record Settings(
            String name,
            Boolean stickySender,
            Boolean localConnect,
            String applicationType,
            String applicationId,
            List<NumberPriority> numberPriority) {

        public static Settings named(String name) {
            return new Settings(name, null, null, null, null, null);
        }
    }

    /** Which kind of pool number to send from first, per country and service. Values: shortcode, tollfree, longcode. */
    public record NumberPriority(String countryIso, String serviceType, Map<String, String> priority) {}

    public record Powerpack(
            String apiId,
            String uuid,
            String name,
            Boolean stickySender,
            Boolean localConnect,
            String applicationType,
            String applicationId,
            String numberPool,
            List<NumberPriority> numberPriority,
            String createdOn) {

        /**
         * The pool id, taken from {@code number_pool} ({@code /v1/Account/{id}/NumberPool/{uuid}/}) the way Plivo's own
         * SDKs do: the sixth path element.
         */
        public String numberPoolUuid() {
            String[] parts = numberPool.split("/");
            if (parts.length < 6) {
                throw new IllegalStateException("number_pool is not a NumberPool URI: " + numberPool);
            }
            return parts[5];
        }
    }

    /** A number in a Powerpack's pool. */
    public record PoolNumber(
            String apiId,
            String number,
            String numberPoolUuid,
            String type,
            String service,
            String countryIso2,
            String addedOn,
            String accountPhoneNumberResource) {}
}
