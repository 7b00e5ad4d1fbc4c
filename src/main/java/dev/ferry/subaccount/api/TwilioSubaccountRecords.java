package dev.ferry.subaccount.api;

import dev.ferry.subaccount.api.SubaccountRecords.SubaccountView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Bodies of the import of Twilio's subaccounts. The names say "Twilio subaccount" throughout: the contract's schema
 * names are the simple record names, and plain names such as {@code Entry} or {@code Outcome} are taken elsewhere.
 */
public final class TwilioSubaccountRecords {

    private TwilioSubaccountRecords() {}

    /**
     * A subaccount of the tenant's Twilio account and the Ferry (Plivo) subaccount standing for it, null when none
     * does. The Twilio auth token is never among the members.
     */
    public record TwilioSubaccountView(
            String sid, String friendlyName, String status, String dateCreated, SubaccountView mappedTo) {}

    /** Every subaccount of the tenant's Twilio account, read from Twilio in one go. */
    public record TwilioSubaccountList(List<TwilioSubaccountView> items) {}

    /** What to do with one Twilio subaccount. */
    public enum TwilioSubaccountAction {
        /** Make an existing Ferry subaccount ({@code subaccountId}) stand for it. */
        MAP,
        /** Create a Plivo subaccount for it, named {@code name} or else after the Twilio subaccount. */
        CREATE,
        /** Leave it alone. */
        SKIP
    }

    /** One choice of an import. */
    public record TwilioSubaccountChoice(
            @NotNull @Pattern(regexp = "AC[0-9a-fA-F]{32}", message = "is not a Twilio account SID")
            String twilioAccountSid,

            @NotNull TwilioSubaccountAction action,
            String subaccountId,
            @Size(min = 1, max = 255) String name) {}

    /** The choices, at most one per Twilio subaccount. */
    public record TwilioSubaccountImport(
            @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull TwilioSubaccountChoice> entries) {}

    /** What became of one choice. */
    public enum TwilioSubaccountOutcome {
        /** An existing subaccount now stands for the Twilio subaccount. */
        MAPPED,
        /** A new Plivo subaccount was created for it. */
        CREATED,
        /** Nothing to do: the mapping asked for (or, for CREATE, some mapping) was already there. */
        ALREADY_MAPPED,
        SKIPPED,
        /** Refused or failed; {@code detail} says why. Nothing of this entry took effect. */
        FAILED,
        /** Not tried, because an earlier entry failed. */
        NOT_ATTEMPTED
    }

    /** One entry of the answer, in the order of the request. {@code subaccount} is the one now mapped, if any. */
    public record TwilioSubaccountResult(
            String twilioAccountSid,
            TwilioSubaccountAction action,
            TwilioSubaccountOutcome outcome,
            SubaccountView subaccount,
            String detail) {}

    /** The answer to an import that went through entirely. */
    public record TwilioSubaccountImportResult(List<TwilioSubaccountResult> entries) {}
}
