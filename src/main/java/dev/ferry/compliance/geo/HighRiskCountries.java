package dev.ferry.compliance.geo;

import java.util.Set;

/**
 * Countries Ferry treats as high risk for messaging whatever a tenant says: Twilio's list of high-risk SMS countries
 * that only its console may enable (porting-and-compliance reference, section 2.5, [G2]). Only a platform admin may
 * allow SMS or voice to one of them.
 */
public final class HighRiskCountries {

    /** Bangladesh, Israel, Nigeria, Pakistan, Palestinian Territories, Sri Lanka, Azerbaijan, Tajikistan, Oman,
     * Tunisia, Algeria. */
    public static final Set<String> CATALOGUE =
            Set.of("BD", "IL", "NG", "PK", "PS", "LK", "AZ", "TJ", "OM", "TN", "DZ");

    private HighRiskCountries() {}

    public static boolean listed(String country) {
        return CATALOGUE.contains(country);
    }
}
