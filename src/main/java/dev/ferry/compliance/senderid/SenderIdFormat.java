package dev.ferry.compliance.senderid;

import java.util.Optional;

/**
 * Plivo's rules for an alphanumeric sender: at most 11 characters (plivo-api.md §2.1), and the character set
 * carriers accept for alphanumeric senders: letters, digits, space and {@code - + _ &}, not digits only (a digits-only
 * sender is a number, porting-and-compliance.md §2.4 [G6]).
 */
public final class SenderIdFormat {

    public static final int MAX_LENGTH = 11;

    private SenderIdFormat() {}

    /** Why the text is not a usable alphanumeric sender, or empty when it is one. */
    public static Optional<String> problem(String senderId) {
        if (senderId == null || senderId.isBlank()) {
            return Optional.of("is required");
        }
        if (senderId.length() > MAX_LENGTH) {
            return Optional.of("has more than " + MAX_LENGTH + " characters");
        }
        if (!senderId.matches("[A-Za-z0-9 +&_-]+")) {
            return Optional.of("may hold only letters, digits, space and - + _ &");
        }
        if (!senderId.matches(".*[A-Za-z].*")) {
            return Optional.of("needs at least one letter (digits only would be a number)");
        }
        if (!senderId.equals(senderId.strip())) {
            return Optional.of("must not start or end with a space");
        }
        return Optional.empty();
    }

    /** Whether a sender written in a send request is meant as an alphanumeric sender rather than a number. */
    public static boolean looksAlphanumeric(String from) {
        return from != null && from.matches(".*[A-Za-z].*");
    }
}
