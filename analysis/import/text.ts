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

/** A codec for a WHATWG encoding label ("UTF-8", "windows-1252", "latin1"), or undefined if unknown. */
export function textCodec(label: string): TextCodec | undefined {
  // Typed structurally: the project's lib setting has no DOM, and @types/node declares TextDecoder as a value only.
  let decoder: { readonly encoding: string; decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder(label.trim());
  } catch {
    return undefined;
  }
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
      return decoder.decode(bytes.subarray(start, end));
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
