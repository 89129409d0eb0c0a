/**
 * Stata numeric storage types and their missing values (Stata help "dta", section 4 "Representation of
 * numbers"; identical for formats 113 to 119). Each type reserves its 27 largest codes: the first is
 * `.` (system missing), the next 26 are the extended missing values `.a` to `.z`. Anything above the
 * largest valid value is missing.
 */
export type DtaNumericType = 'byte' | 'int' | 'long' | 'float' | 'double';

/** Largest valid value of the integer types, and the code of `.` (the next value). */
export const INT_MAX_VALID = { byte: 100, int: 32740, long: 2147483620 } as const;

const bits = new DataView(new ArrayBuffer(8));
bits.setUint32(0, 0x7effffff);
/** Largest valid float: 0x7effffff, about 1.701e38. `.` is 0x7f000000, `.a` 0x7f000800, ... */
export const FLOAT_MAX_VALID = bits.getFloat32(0);
bits.setUint32(0, 0x7fdfffff);
bits.setUint32(4, 0xffffffff);
/** Largest valid double: 0x7fdfffffffffffff, about 8.988e307. `.` is 0x7fe0000000000000, `.a` adds 2^40. */
export const DOUBLE_MAX_VALID = bits.getFloat64(0);

/** ".", ".a", ..., ".z" for extended-missing index 0..26; undefined outside that range. */
export function missingName(index: number): string | undefined {
  if (index === 0) return '.';
  if (index >= 1 && index <= 26) return '.' + String.fromCharCode(96 + index);
  return undefined;
}

/**
 * The missing-value index (0 for `.`, 1..26 for `.a`..`.z`) of a missing float or double, from the
 * high 32 bits of its IEEE pattern: float codes step by 0x800 from 0x7f000000, double codes step by
 * 0x100 in the high word from 0x7fe00000.
 */
export function floatMissingIndex(bits32: number): number {
  return (bits32 - 0x7f000000) >> 11;
}
export function doubleMissingIndex(high32: number): number {
  return (high32 - 0x7fe00000) >> 8;
}
