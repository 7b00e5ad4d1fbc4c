package dev.ferry.provider.plivo;

/** Wire records of Plivo subaccounts (section 4 of the Plivo API reference). */
public final class PlivoSubaccounts {

    private PlivoSubaccounts() {}

    /** A subaccount. {@code authToken} is a secret: never log or return it from Ferry's API. */
    public record Subaccount(
            String apiId,
            String account,
            String authId,
            String authToken,
            String name,
            Boolean enabled,
            String created,
            String modified,
            String resourceUri) {

        @Override
        public String toString() {
            return "Subaccount[" + authId + " " + name + "]";
        }
    }

    /** Plivo's 201 answer to a create: the new subaccount's credentials. */
    public record Created(String apiId, String authId, String authToken, String message) {

        @Override
        public String toString() {
            return "Created[" + authId + "]";
        }
    }

    /** What to do with a deleted subaccount's numbers and applications. */
    public enum Cascade {
        /** Delete its applications and endpoints and unrent its numbers. */
        DELETE_RESOURCES,
        /** Move its applications and numbers to the main account. */
        MOVE_TO_MAIN_ACCOUNT
    }
}
