/**
 * Counts SMS segments in the browser with the rules of the service's SmsSegments, so the send form shows encoding
 * and parts before anything is sent. Keep the two in step: a text counted differently here would promise a price the
 * carrier does not charge.
 *
 * GSM-7 when every character is in the GSM 03.38 default alphabet or its extension table (extension characters cost
 * two septets); otherwise UCS-2 counted in UTF-16 units. One part holds 160 septets or 70 units; longer texts are
 * split into parts of 153 or 67, and a character that would straddle a boundary (an extension character, an emoji's
 * surrogate pair) moves whole to the next part. No national language shift tables; no look-alike replacement.
 */
export type Encoding = 'GSM7' | 'UCS2';

export interface SegmentInfo {
  encoding: Encoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Capacity of each part: 160 or 70 for one part, 153 or 67 once concatenated. */
  perSegment: number;
  remainingInSegment: number;
}

const GSM7_SINGLE = 160;
const GSM7_CONCATENATED = 153;
const UCS2_SINGLE = 70;
const UCS2_CONCATENATED = 67;

/** The default alphabet in code order; 0x1B is the escape to the extension table, not a character. */
const DEFAULT_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ' +
  ' !"#¤%&\'()*+,-./' +
  '0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNO' +
  'PQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmno' +
  'pqrstuvwxyzäöñüà';

const EXTENSION_TABLE = '\f^{}\\[~]|€';
const ESCAPE = '\u001B';

/** Septets for one UTF-16 unit: 1 in the default alphabet, 2 in the extension table, 0 when not GSM. */
function septets(unit: string): number {
  if (unit !== ESCAPE && DEFAULT_ALPHABET.includes(unit)) {
    return 1;
  }
  return EXTENSION_TABLE.includes(unit) ? 2 : 0;
}

function pack(widths: number[], capacity: number, encoding: Encoding, units: number): SegmentInfo {
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > capacity) {
      segments++;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments, perSegment: capacity, remainingInSegment: capacity - used };
}

export function analyseSms(text: string): SegmentInfo {
  // Iterate UTF-16 units, as Java's String does: a surrogate half is never GSM.
  const codeUnits = Array.from({ length: text.length }, (_, i) => text.charAt(i));
  const gsm = codeUnits.map(septets);
  if (gsm.every((width) => width > 0)) {
    const units = gsm.reduce((sum, width) => sum + width, 0);
    if (units <= GSM7_SINGLE) {
      return { encoding: 'GSM7', units, segments: 1, perSegment: GSM7_SINGLE, remainingInSegment: GSM7_SINGLE - units };
    }
    return pack(gsm, GSM7_CONCATENATED, 'GSM7', units);
  }

  const units = text.length;
  if (units <= UCS2_SINGLE) {
    return { encoding: 'UCS2', units, segments: 1, perSegment: UCS2_SINGLE, remainingInSegment: UCS2_SINGLE - units };
  }
  // Code points, each one or two units wide; a lone surrogate counts as the single unit it occupies.
  const widths: number[] = [];
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    widths.push(width);
    i += width;
  }
  return pack(widths, UCS2_CONCATENATED, 'UCS2', units);
}
