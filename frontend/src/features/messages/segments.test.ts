import { describe, expect, it } from 'vitest';

import { analyseSms } from './segments';

describe('analyseSms', () => {
  it('counts empty text as one GSM-7 segment', () => {
    expect(analyseSms('')).toEqual({
      encoding: 'GSM7',
      units: 0,
      segments: 1,
      perSegment: 160,
      remainingInSegment: 160,
    });
  });

  it('fits 160 GSM characters in one part and splits 161 into two parts of 153', () => {
    expect(analyseSms('a'.repeat(160))).toMatchObject({ encoding: 'GSM7', segments: 1, remainingInSegment: 0 });
    expect(analyseSms('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remainingInSegment: 145 });
    expect(analyseSms('a'.repeat(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(analyseSms('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters as two septets', () => {
    expect(analyseSms('€')).toMatchObject({ encoding: 'GSM7', units: 2 });
    expect(analyseSms('{}[]~|^\\€\f')).toMatchObject({ encoding: 'GSM7', units: 20 });
    expect(analyseSms('a'.repeat(158) + '€')).toMatchObject({ units: 160, segments: 1 });
    expect(analyseSms('a'.repeat(159) + '€')).toMatchObject({ units: 161, segments: 2 });
  });

  it('moves an extension character that would straddle a part boundary to the next part', () => {
    // The first part holds 152 septets and the € starts the second: 2 + 10 septets used there.
    const info = analyseSms('a'.repeat(152) + '€' + 'a'.repeat(10));
    expect(info).toMatchObject({ units: 164, segments: 2, remainingInSegment: 153 - 12 });
  });

  it('treats the escape code and small c cedilla as outside the alphabet', () => {
    expect(analyseSms('\u001B').encoding).toBe('UCS2');
    expect(analyseSms('ç').encoding).toBe('UCS2');
    expect(analyseSms('Ç').encoding).toBe('GSM7');
  });

  it('switches to UCS-2 for any non-GSM character, at 70 and 67 units', () => {
    expect(analyseSms('ü'.repeat(10)).encoding).toBe('GSM7');
    expect(analyseSms('“hi”')).toMatchObject({ encoding: 'UCS2', units: 4 });
    expect(analyseSms('ж'.repeat(70))).toMatchObject({ encoding: 'UCS2', segments: 1, remainingInSegment: 0 });
    expect(analyseSms('ж'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67, remainingInSegment: 63 });
    expect(analyseSms('ж'.repeat(134))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(analyseSms('ж'.repeat(135))).toMatchObject({ segments: 3 });
  });

  it('counts an emoji as two units and never splits its surrogate pair', () => {
    expect(analyseSms('😀')).toMatchObject({ encoding: 'UCS2', units: 2, segments: 1 });
    expect(analyseSms('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 66 units then an emoji: 68 units would overflow the first part of 67, so the emoji starts the second.
    const info = analyseSms('ж'.repeat(66) + '😀' + 'ж'.repeat(3));
    expect(info).toMatchObject({ units: 71, segments: 2, remainingInSegment: 67 - 5 });
  });
});
