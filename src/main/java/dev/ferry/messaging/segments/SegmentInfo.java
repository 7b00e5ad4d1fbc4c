package dev.ferry.messaging.segments;

/**
 * How a text travels as SMS: its encoding, its length in that encoding's units and the segments (message parts)
 * carriers split it into and bill.
 *
 * @param encoding GSM-7 when every character is in the GSM 03.38 alphabet, otherwise UCS-2
 * @param units septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2
 * @param segments number of SMS parts sent and billed; at least 1
 * @param perSegment capacity of each part: 160 or 70 for a single part, 153 or 67 once the text is concatenated
 * @param remainingInSegment units still free in the last part before one more part would be needed
 */
public record SegmentInfo(Encoding encoding, int units, int segments, int perSegment, int remainingInSegment) {

    public SegmentInfo {
        if (encoding == null) {
            throw new IllegalArgumentException("encoding must not be null");
        }
        if (units < 0 || segments < 1 || perSegment < 1 || remainingInSegment < 0 || remainingInSegment > perSegment) {
            throw new IllegalArgumentException("inconsistent segment counts");
        }
    }

    /** True when the text needs more than one SMS part. */
    public boolean concatenated() {
        return segments > 1;
    }
}
