package dev.ferry.number.imports;

import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberType;
import java.util.List;

/**
 * One number as an import brings it in, already validated and normalised. Fields an import does not know are null
 * and leave what the inventory holds unchanged.
 */
public record NumberRow(
        String e164,
        String country,
        NumberType type,
        boolean voice,
        boolean sms,
        boolean mms,
        NumberProvider provider,
        List<String> tags,
        String twilioSid,
        String twilioAccountSid,
        String twilioFriendlyName,
        String twilioVoiceUrl,
        String twilioSmsUrl,
        String twilioStatusCallback,
        String twilioMessagingServiceSid) {}
