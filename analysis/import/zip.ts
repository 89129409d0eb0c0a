import { ImportFormatError } from './errors.js';

/**
 * Just enough of the zip format (PKWARE APPNOTE 6.3, sections 4.3.7 local header, 4.3.12 central
 * directory, 4.3.16 end of central directory, 4.3.14-15 zip64) to read the parts of an .xlsx file:
 * the central directory lists the entries, each stored (method 0) or deflated (method 8). Inflating
 * uses the platform's DecompressionStream('deflate-raw'), present in browsers and Node >= 18, so this
 * module needs no Node or DOM import.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

interface InflateStream {
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } };
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
}
type InflateStreamCtor = new (format: 'deflate-raw') => InflateStream;

export class Zip {
  readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array, readonly file: string) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  private fail(detail: string): never {
    throw new ImportFormatError(this.file, 'XLSX_BAD_FORMAT', detail);
  }

  private u16(at: number): number {
    if (at + 2 > this.bytes.length) this.fail('the zip archive is truncated');
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    if (at + 4 > this.bytes.length) this.fail('the zip archive is truncated');
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    if (at + 8 > this.bytes.length) this.fail('the zip archive is truncated');
    return Number(this.view.getBigUint64(at, true));
  }

  private readDirectory(): void {
    const b = this.bytes;
    // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the end.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) this.fail('it is not a complete zip archive (no end of central directory: the file may be truncated)');
    let count = this.u16(eocd + 10);
    let dirOffset = this.u32(eocd + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) {
      // Zip64 end of central directory locator, just before the EOCD.
      const loc = eocd - 20;
      if (loc < 0 || this.u32(loc) !== 0x07064b50) this.fail('the zip64 directory locator is missing');
      const z = this.u64(loc + 8);
      if (this.u32(z) !== 0x06064b50) this.fail('the zip64 end of central directory is missing');
      count = this.u64(z + 32);
      dirOffset = this.u64(z + 48);
    }
    let at = dirOffset;
    for (let k = 0; k < count; k++) {
      if (this.u32(at) !== 0x02014b50) this.fail(`central directory entry ${k + 1} is damaged`);
      const method = this.u16(at + 10);
      let compressedSize = this.u32(at + 20);
      let size = this.u32(at + 24);
      const nameLen = this.u16(at + 28);
      const extraLen = this.u16(at + 30);
      const commentLen = this.u16(at + 32);
      let localOffset = this.u32(at + 42);
      if (at + 46 + nameLen > b.length) this.fail('the zip archive is truncated');
      const name = new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLen));
      // Zip64 extended information: the 0xffffffff fields, in order, in extra field 0x0001.
      let e = at + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = this.u16(e);
        const len = this.u16(e + 2);
        if (id === 1) {
          let p = e + 4;
          if (size === 0xffffffff) {
            size = this.u64(p);
            p += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = this.u64(p);
            p += 8;
          }
          if (localOffset === 0xffffffff) localOffset = this.u64(p);
        }
        e += 4 + len;
      }
      this.entries.set(name, { name, method, compressedSize, size, localOffset });
      at = end + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The bytes of an entry, inflated. */
  async read(name: string): Promise<Uint8Array> {
    const e = this.entries.get(name);
    if (!e) this.fail(`it has no part ${name}`);
    const at = e.localOffset;
    if (this.u32(at) !== 0x04034b50) this.fail(`the part ${name} is damaged (no local header)`);
    const start = at + 30 + this.u16(at + 26) + this.u16(at + 28);
    if (start + e.compressedSize > this.bytes.length) this.fail(`the part ${name} is truncated`);
    const data = this.bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) return data;
    if (e.method !== 8) this.fail(`the part ${name} uses compression method ${e.method}, not deflate`);
    const DS = (globalThis as unknown as { DecompressionStream?: InflateStreamCtor }).DecompressionStream;
    if (!DS) this.fail('this platform cannot inflate zip data (no DecompressionStream)');
    try {
      return await inflate(DS, data, e.size);
    } catch (err) {
      if (err instanceof ImportFormatError) throw err;
      this.fail(`the part ${name} is damaged (${err instanceof Error ? err.message : String(err)})`);
    }
  }
}

async function inflate(DS: InflateStreamCtor, data: Uint8Array, size: number): Promise<Uint8Array> {
  const ds = new DS('deflate-raw');
  const writer = ds.writable.getWriter();
  const written = writer.write(data).then(() => writer.close()).catch(() => undefined);
  const reader = ds.readable.getReader();
  let out = new Uint8Array(size > 0 ? size : 1 << 16);
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    if (n + value.length > out.length) {
      const grown = new Uint8Array(Math.max(out.length * 2, n + value.length));
      grown.set(out.subarray(0, n));
      out = grown;
    }
    out.set(value, n);
    n += value.length;
  }
  await written;
  return out.subarray(0, n);
}
