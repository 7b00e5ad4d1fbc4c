package dev.ferry.provider.plivo;

/** Wire records of Plivo's Lookup API (section 8 of the Plivo API reference); every scalar is a string. */
public final class PlivoLookup {

    private PlivoLookup() {}

    public record Result(
            String apiId, String phoneNumber, Country country, Format format, Carrier carrier, String resourceUri) {}

    public record Country(String name, String iso2, String iso3) {}

    public record Format(String e164, String national, String international, String rfc3966) {}

    /**
     * @param type fixed, mobile, voip, toll-free or unknown
     * @param ported yes, no or unknown
     */
    public record Carrier(
            String mobileCountryCode, String mobileNetworkCode, String name, String type, String ported) {}
}
