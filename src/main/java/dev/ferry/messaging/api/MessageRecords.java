package dev.ferry.messaging.api;

import dev.ferry.messaging.domain.Message;
import dev.ferry.messaging.domain.MessageStatusChange;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The messaging API's records. */
public final class MessageRecords {

    private MessageRecords() {}

    /**
     * A message to send. Give exactly one of {@code from} and {@code powerpackUuid}.
     *
     * @param from a Plivo number of the tenant (E.164) or a registered alphanumeric sender ID
     * @param powerpackUuid a Powerpack of the tenant's Plivo account to send from instead
     * @param to one or more destinations in E.164 (at most 1,000)
     * @param text the text; required unless media are given
     * @param mediaUrls makes the message an MMS (1 to 10 URLs)
     * @param subaccount the Plivo subaccount (auth id) to send as; the main account when absent
     */
    public record SendMessage(
            @Schema(nullable = true) String from,
            @Schema(nullable = true) String powerpackUuid,
            List<String> to,
            @Schema(nullable = true) String text,
            @Schema(nullable = true) List<String> mediaUrls,
            @Schema(nullable = true) String subaccount) {}

    /** Why one destination was refused; nothing was sent to any destination. */
    public record Refusal(
            String destination, @Schema(nullable = true) String country, List<String> reasons) {}

    public record StatusChangeView(
            @Schema(nullable = true) String from,
            String to,
            @Schema(nullable = true) Integer sequence,
            @Schema(nullable = true) String errorCode,
            String source,
            OffsetDateTime occurredAt) {

        public static StatusChangeView of(MessageStatusChange c) {
            return new StatusChangeView(c.from, c.to, c.sequence, c.errorCode, c.source, c.occurredAt);
        }
    }

    /**
     * One message.
     *
     * @param plivoUuid Plivo's uuid; null while the message is {@code pending} and when Plivo refused it
     * @param status Plivo's state, or {@code pending} while Ferry has not recorded Plivo's answer
     * @param statusReason why the message failed before Plivo took it, or why it is still pending
     */
    public record MessageView(
            long id,
            @Schema(nullable = true) String plivoUuid,
            String direction,
            String type,
            String senderKind,
            String from,
            String to,
            @Schema(nullable = true) String country,
            @Schema(nullable = true) String text,
            List<String> mediaUrls,
            @Schema(nullable = true) String encoding,
            @Schema(nullable = true) Integer segments,
            @Schema(nullable = true) String subaccount,
            String status,
            @Schema(nullable = true) String statusReason,
            @Schema(nullable = true) String errorCode,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public static MessageView of(Message m) {
            return new MessageView(
                    m.id,
                    m.plivoUuid == null ? null : m.plivoUuid.toString(),
                    m.direction.name(),
                    m.type.name(),
                    m.senderKind.name(),
                    m.sender,
                    m.destination,
                    m.country,
                    m.text,
                    List.of(m.mediaUrls),
                    m.encoding,
                    m.segments,
                    m.subaccount,
                    m.status,
                    m.statusReason,
                    m.errorCode,
                    m.createdBy,
                    m.createdAt,
                    m.updatedAt);
        }
    }

    /** A message with every status it went through, oldest first. */
    public record MessageDetails(MessageView message, List<StatusChangeView> history) {}

    /**
     * What a send did: the messages Plivo queued, one per destination.
     *
     * @param notAccepted destinations Plivo itself refused as malformed (nothing was sent to them; their messages are
     *     stored as failed)
     */
    public record Sent(List<MessageView> messages, List<String> notAccepted) {}
}
