package dev.ferry.number;

import dev.ferry.number.domain.NumberProvider;
import dev.ferry.number.domain.NumberState;
import dev.ferry.number.domain.NumberType;
import java.util.List;

/**
 * What to select from the inventory; null and empty members select everything.
 *
 * @param capabilities numbers having all of these (voice, sms, mms)
 * @param subaccount the Plivo subaccount or the Twilio (sub)account SID the number belongs to
 * @param tags numbers carrying all of these tags
 * @param text part of the number's digits, its Twilio friendly name or its Plivo alias
 */
public record NumberFilter(
        List<NumberState> states,
        NumberProvider provider,
        String country,
        NumberType type,
        List<String> capabilities,
        String subaccount,
        List<String> tags,
        String text) {}
