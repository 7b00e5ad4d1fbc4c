package dev.ferry.messaging.segments;

/** How a handset and the carriers between it and Plivo or Twilio encode the text of one SMS. */
public enum Encoding {
    /** GSM 03.38 default alphabet with its extension table, 7 bits per character (14 for extension characters). */
    GSM7,
    /** UTF-16 code units, 16 bits each: what any character outside the GSM alphabet forces for the whole message. */
    UCS2
}
