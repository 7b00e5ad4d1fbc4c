package dev.ferry.number.api;

import dev.ferry.number.domain.NumberPlan;
import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.NumberType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The number inventory's request and response bodies. */
public final class NumberRecords {

    private NumberRecords() {}

    /** Which capabilities a number has. */
    public record Capabilities(boolean voice, boolean sms, boolean mms) {}

    /** The number's configuration on Twilio as last imported. */
    public record TwilioConfig(
            String sid,
            String accountSid,
            String friendlyName,
            String voiceUrl,
            String smsUrl,
            String statusCallback,
            String messagingServiceSid,
            OffsetDateTime missingSince) {}

    /** The number's configuration on Plivo. */
    public record PlivoConfig(String appId, String alias, String subaccount) {}

    /** A number in the inventory. */
    public record NumberView(
            String e164,
            String country,
            NumberType type,
            Capabilities capabilities,
            NumberProvider provider,
            NumberPlan plan,
            NumberState state,
            TwilioConfig twilio,
            PlivoConfig plivo,
            String replacedBy,
            List<String> tags,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {}

    /** One step of a number's history. */
    public record HistoryEntry(
            NumberState from, NumberState to, NumberPlan plan, String actor, String reason, OffsetDateTime at) {}

    /** A number with how it got to its current state, oldest step first. */
    public record NumberDetail(NumberView number, List<HistoryEntry> history) {}

    /** How many numbers are in each state, among those the filters select. */
    public record StateCounts(long total, Map<NumberState, Long> byState) {}

    /**
     * A change to a number's plan, tags or Plivo configuration; absent members stay as they are.
     *
     * @param tags the number's complete set of tags afterwards
     * @param plivo changes made on Plivo first, for a number on Plivo
     */
    public record UpdateNumber(
            NumberPlan plan,

            @Size(max = 20)
            List<@Pattern(regexp = "[a-z0-9][a-z0-9:_.\\-]{0,62}", message = "is not a tag") String> tags,

            @Valid PlivoChange plivo) {}

    /** A Plivo number's application, alias and subaccount; absent members stay as they are. */
    public record PlivoChange(
            @Size(max = 64) String appId,
            @Size(max = 255) String alias,
            @Size(max = 32) String subaccount) {}

    /** A number Plivo offers for rent. Rates are decimal strings in the account's currency. */
    public record AvailableNumber(
            String e164,
            String country,
            String type,
            String region,
            String city,
            Capabilities capabilities,
            String monthlyRentalRate,
            String setupRate) {}

    /** A page of Plivo's offer; pass offset + limit as the next offset while {@code more} is true. */
    public record AvailablePage(List<AvailableNumber> items, boolean more) {}

    /**
     * Numbers to rent on Plivo. One number is bought while the request waits (201); several run as a job (202).
     *
     * @param appId the Plivo application to link the numbers to
     */
    public record PurchaseRequest(
            @NotEmpty @Size(max = 100) List<@NotBlank String> numbers,
            @Size(max = 64) String appId) {}

    /** What a purchase bought. */
    public record PurchaseResult(List<NumberView> bought) {}

    /** Which import to start: {@code twilio} reads the connected Twilio account and all its subaccounts. */
    public record ImportRequest(
            @NotBlank @Pattern(regexp = "twilio", message = "must be twilio")
            String source) {}
}
