/**
 * Text decoding shared by the binary readers. Both SPSS and Stata store strings as fixed-width byte
 * fields in one code page per file (UTF-8 in recent files, windows-1252/latin1 in older ones), so the
 * readers resolve one decoder per file and decode field by field. Most survey strings are short and
 * pure ASCII (codes, region names), so those skip TextDecoder's per-call overhead.
 */
export interface TextCodec {
  /** The WHATWG name of the encoding actually used ("utf-8", "windows-1252"). */
  readonly encoding: string;
  /** Decodes bytes[start, end). */
  decode(bytes: Uint8Array, start: number, end: number): string;
}

const ASCII_FAST_PATH_MAX = 64;

/** Characters of windows-1252 bytes 0x80-0x9F (the five undefined bytes stay U+0081, U+008D, U+008F, U+0090, U+009D). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const C1 = /[\u0080-\u009f]/;
const C1_ALL = /[\u0080-\u009f]/g;

/**
 * Text decoded as windows-1252 with bytes 0x80-0x9F mapped as the WHATWG Encoding Standard says.
 * Node 20's TextDecoder('windows-1252') decodes those bytes as ISO-8859-1 control characters (so ’ and
 * Œ are lost); browsers do not. Applied to every windows-1252 decoding, it makes both the same.
 */
export function fixWindows1252(s: string): string {
  return C1.test(s) ? s.replace(C1_ALL, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]!) : s;
}

/** A codec for a WHATWG encoding label ("UTF-8", "windows-1252", "latin1"), or undefined if unknown. */
export function textCodec(label: string): TextCodec | undefined {
  // Typed structurally: the project's lib setting has no DOM, and @types/node declares TextDecoder as a value only.
  let decoder: { readonly encoding: string; decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder(label.trim());
  } catch {
    return undefined;
  }
  const cp1252 = decoder.encoding === 'windows-1252';
  return {
    encoding: decoder.encoding,
    decode(bytes, start, end) {
      if (end - start <= ASCII_FAST_PATH_MAX) {
        let s = '';
        let i = start;
        for (; i < end; i++) {
          const b = bytes[i]!;
          if (b >= 0x80) break;
          s += String.fromCharCode(b);
        }
        if (i === end) return s;
      }
      const s = decoder.decode(bytes.subarray(start, end));
      return cp1252 ? fixWindows1252(s) : s;
    },
  };
}

/** End of a space-padded field (SPSS pads strings with blanks; some writers pad with NULs). */
export function trimRightSpaces(bytes: Uint8Array, start: number, end: number): number {
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return end;
}

/** End of a NUL-terminated field (Stata writes strings NUL-terminated when shorter than the field). */
export function nulTerminated(bytes: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (bytes[i] === 0) return i;
  return end;
}

/** The number's shortest round-trip string, the key convention of `valueLabels` and `missingCodes`. */
export function numberKey(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

/**
 * A windows-1252 codec that also watches what it decodes: `utf8` stays true while every text with a
 * byte above 0x7F is valid UTF-8, and `multibyte` says whether there was such a text. A file that
 * declares no encoding (Stata formats 113-117) but whose texts are all valid UTF-8 with some
 * multibyte character was written in UTF-8 (R's haven writes UTF-8 into every format): windows-1252
 * text with accents is almost never valid UTF-8 ("é" alone, E9, starts no UTF-8 sequence).
 */
export function sniffingCodec(): TextCodec & { utf8: boolean; multibyte: boolean; check(bytes: Uint8Array, start: number, end: number): void } {
  const cp1252 = textCodec('windows-1252')!;
  const strict = new TextDecoder('utf-8', { fatal: true });
  const valid = (b: Uint8Array): boolean => {
    try {
      strict.decode(b);
      return true;
    } catch {
      return false;
    }
  };
  const codec = {
    encoding: cp1252.encoding,
    utf8: true,
    multibyte: false,
    /** Watches bytes[start, end) without decoding them (the data's text cells). */
    check(bytes: Uint8Array, start: number, end: number): void {
      if (!codec.utf8) return;
      let high = start;
      while (high < end && bytes[high]! < 0x80) high++;
      if (high === end) return;
      codec.multibyte = true;
      if (valid(bytes.subarray(start, end))) return;
      // A character cut by the end of a full fixed-width field (a label of 80 bytes): its lead byte
      // and what follows of it are dropped, the rest must be valid.
      let cut = end;
      while (cut > high && cut > end - 3 && bytes[cut - 1]! >= 0x80 && bytes[cut - 1]! < 0xc0) cut--;
      if (cut > start && bytes[cut - 1]! >= 0xc0 && valid(bytes.subarray(start, cut - 1))) return;
      codec.utf8 = false;
    },
    decode(bytes: Uint8Array, start: number, end: number): string {
      codec.check(bytes, start, end);
      return cp1252.decode(bytes, start, end);
    },
  };
  return codec;
}
