import type { Cursor } from './bytes.js';

/**
 * The data of a .zsav file ("System File Format", section "ZLIB Compressed Data"): a zlib data header
 * (offsets of itself and of the trailer), independent zlib streams, then a trailer listing each block's
 * compressed and uncompressed offset and size. Inflated and concatenated, the blocks are ordinary
 * bytecode-compressed case data.
 *
 * Inflating uses the platform's DecompressionStream('deflate') (zlib format), present in browsers and
 * Node >= 18, so this module needs no Node or DOM import. Its types are declared locally because the
 * project's lib setting may include neither.
 */
interface InflateStream {
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } };
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
}
type InflateStreamCtor = new (format: 'deflate') => InflateStream;

export async function inflateZsavBlocks(c: Cursor, dataOffset: number): Promise<Uint8Array> {
  c.pos = dataOffset;
  c.where = 'the zlib data header';
  const zheaderOfs = c.i64();
  const ztrailerOfs = c.i64();
  const ztrailerLen = c.i64();
  if (zheaderOfs !== dataOffset) {
    c.fail('SAV_BAD_COMPRESSION', `zlib data header says it is at offset ${zheaderOfs}, but it is at ${dataOffset}`);
  }
  if (ztrailerOfs < c.pos || ztrailerOfs + ztrailerLen > c.length) {
    c.fail('SAV_TRUNCATED', `truncated in the compressed data (the zlib trailer at offset ${ztrailerOfs} is past the end of the file, ${c.length} bytes)`);
  }
  c.pos = ztrailerOfs;
  c.where = 'the zlib trailer';
  c.i64(); // -bias
  c.i64(); // zero
  c.i32(); // block size
  const nBlocks = c.i32();
  if (nBlocks < 0 || 24 + nBlocks * 24 !== ztrailerLen) {
    c.fail('SAV_BAD_COMPRESSION', `zlib trailer lists ${nBlocks} blocks but is ${ztrailerLen} bytes long`);
  }
  const blocks: { uOfs: number; cOfs: number; uSize: number; cSize: number }[] = [];
  let total = 0;
  for (let i = 0; i < nBlocks; i++) {
    const b = { uOfs: c.i64(), cOfs: c.i64(), uSize: c.i32(), cSize: c.i32() };
    if (b.cOfs < dataOffset + 24 || b.cOfs + b.cSize > ztrailerOfs || b.uSize < 0) {
      c.fail('SAV_BAD_COMPRESSION', `zlib block ${i + 1} lies outside the compressed data`);
    }
    blocks.push(b);
    total += b.uSize;
  }

  const DS = (globalThis as unknown as { DecompressionStream?: InflateStreamCtor }).DecompressionStream;
  if (!DS) c.fail('SAV_UNSUPPORTED', 'this platform cannot inflate .zsav data (no DecompressionStream)');
  const out = new Uint8Array(total);
  let at = 0;
  for (const [i, b] of blocks.entries()) {
    const n = await inflateInto(DS, c.bytes.subarray(b.cOfs, b.cOfs + b.cSize), out, at, b.uSize).catch((e: unknown) =>
      c.fail('SAV_BAD_COMPRESSION', `zlib block ${i + 1} is damaged (${e instanceof Error ? e.message : String(e)})`),
    );
    if (n !== b.uSize) c.fail('SAV_BAD_COMPRESSION', `zlib block ${i + 1} inflates to ${n} bytes, the trailer says ${b.uSize}`);
    at += n;
  }
  return out;
}

/**
 * Inflates one zlib stream straight into out[at, at + max), returning the inflated size (more than
 * max means the block is inconsistent with the trailer; the excess is counted, not written).
 */
async function inflateInto(DS: InflateStreamCtor, data: Uint8Array, out: Uint8Array, at: number, max: number): Promise<number> {
  const ds = new DS('deflate');
  const writer = ds.writable.getWriter();
  // Write and read concurrently so back-pressure cannot stall; a write error surfaces on read().
  // The stream only reads the chunk (Compression Streams do not transfer their input).
  const written = writer.write(data).then(() => writer.close()).catch(() => undefined);
  const reader = ds.readable.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value) {
      if (size + value.length <= max) out.set(value, at + size);
      size += value.length;
    }
  }
  await written;
  return size;
}
