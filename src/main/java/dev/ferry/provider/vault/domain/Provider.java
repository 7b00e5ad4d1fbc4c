package dev.ferry.provider.vault.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The providers a tenant connects to. */
public enum Provider {
    PLIVO,
    TWILIO;

    /** The lower-case name used in paths and in the sealing context, such as {@code twilio}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provider> fromSlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug().equals(slug)).findFirst();
    }
}
