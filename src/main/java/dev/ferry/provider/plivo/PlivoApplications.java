package dev.ferry.provider.plivo;

import java.util.Map;

/** Wire records of Plivo applications (section 5 of the Plivo API reference). */
public final class PlivoApplications {

    private PlivoApplications() {}

    /**
     * Fields of an application create or update; null leaves a field out (an update leaves it unchanged).
     *
     * @param appName letters, digits, {@code -} and {@code _} only; required on create
     * @param subaccount the subaccount the application belongs to, from the main account
     */
    public record Settings(
            String appName,
            String answerUrl,
            String answerMethod,
            String hangupUrl,
            String hangupMethod,
            String fallbackAnswerUrl,
            String fallbackMethod,
            String messageUrl,
            String messageMethod,
            Boolean defaultNumberApp,
            Boolean defaultEndpointApp,
            String subaccount,
            Boolean logIncomingMessages,
            Boolean publicUri) {

        /** An application that receives inbound messages at {@code messageUrl} by POST. */
        public static Settings messaging(String appName, String answerUrl, String messageUrl) {
            return new Settings(
                    appName, answerUrl, null, null, null, null, null, messageUrl, "POST", null, null, null, null, null);
        }
    }

    /** Plivo's 201 answer to a create; {@code appId} is a numeric string. */
    public record Created(String apiId, String appId, String message) {}

    public record Application(
            String apiId,
            String appId,
            String appName,
            String answerUrl,
            String answerMethod,
            String hangupUrl,
            String hangupMethod,
            String fallbackAnswerUrl,
            String fallbackMethod,
            String messageUrl,
            String messageMethod,
            Boolean defaultApp,
            Boolean defaultEndpointApp,
            Boolean enabled,
            Boolean publicUri,
            String sipUri,
            String subAccount,
            Boolean logIncomingMessages,
            String resourceUri) {}

    public record Query(String subaccount, String appName, Integer limit, Integer offset) {

        Map<String, String> toQuery() {
            return Queries.of()
                    .put("subaccount", subaccount)
                    .put("app_name", appName)
                    .put("limit", limit)
                    .put("offset", offset)
                    .build();
        }
    }
}
