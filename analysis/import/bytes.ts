import { ImportFormatError, type ImportErrorCode } from './errors.js';

/**
 * A bounds-checked read cursor over the input bytes. Every read first checks that the bytes are there
 * and otherwise throws an ImportFormatError saying where the file ended ("truncated in the dictionary
 * (variable record 3)"), so no reader ever indexes past the end or returns garbage from a short file.
 * The input is only read, never written.
 */
export class Cursor {
  readonly view: DataView;
  pos = 0;
  /** What is being read, for truncation messages; readers update it as they go. */
  where = 'the header';

  readonly bytes: Uint8Array;
  readonly file: string;
  readonly truncatedCode: ImportErrorCode;
  littleEndian: boolean;

  constructor(bytes: Uint8Array, file: string, truncatedCode: ImportErrorCode, littleEndian = true) {
    this.bytes = bytes;
    this.file = file;
    this.truncatedCode = truncatedCode;
    this.littleEndian = littleEndian;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  fail(code: ImportErrorCode, detail: string): never {
    throw new ImportFormatError(this.file, code, detail);
  }

  need(n: number): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      this.fail(this.truncatedCode, `truncated in ${this.where} (needed ${n} bytes at offset ${this.pos}, file has ${this.bytes.length})`);
    }
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }

  i16(): number {
    this.need(2);
    const v = this.view.getInt16(this.pos, this.littleEndian);
    this.pos += 2;
    return v;
  }

  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, this.littleEndian);
    this.pos += 2;
    return v;
  }

  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }

  /** A 64-bit integer as a JS number (exact below 2^53, which covers any offset or count in memory). */
  i64(): number {
    this.need(8);
    const v = Number(this.view.getBigInt64(this.pos, this.littleEndian));
    this.pos += 8;
    return v;
  }

  u64(): number {
    this.need(8);
    const v = Number(this.view.getBigUint64(this.pos, this.littleEndian));
    this.pos += 8;
    return v;
  }

  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, this.littleEndian);
    this.pos += 8;
    return v;
  }

  /** A view (not a copy) of the next n bytes. */
  take(n: number): Uint8Array {
    this.need(n);
    const s = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /** True if the next bytes are the ASCII text s (does not move). */
  peekAscii(s: string): boolean {
    if (this.pos + s.length > this.bytes.length) return false;
    for (let i = 0; i < s.length; i++) if (this.bytes[this.pos + i] !== s.charCodeAt(i)) return false;
    return true;
  }
}

/** The byte arrays one after the other, in a new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
