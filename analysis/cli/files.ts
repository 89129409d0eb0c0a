import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { HEAD_BYTES, type ImportSource } from '../import/load.js';

/**
 * A data file on disk as the shared loader sees it: its first bytes read now (read-only), the whole
 * file only if a reader needs it. Native DuckDB reads CSV and Parquet from the path itself.
 */
export function fileSource(path: string): ImportSource {
  const size = statSync(path).size;
  const head = new Uint8Array(Math.min(size, HEAD_BYTES));
  const fd = openSync(path, 'r');
  try {
    let at = 0;
    while (at < head.length) {
      const n = readSync(fd, head, at, head.length - at, at);
      if (n === 0) break;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  let whole: Promise<Uint8Array> | undefined;
  return {
    name: path,
    size,
    head,
    path,
    bytes: () => (whole ??= readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength))),
    pieces: () => filePieces(path),
  };
}

/** The file in pieces of 8 MB, read-only; each piece is valid until the next is asked for. */
function* filePieces(path: string): Generator<Uint8Array> {
  const buffer = new Uint8Array(8 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let at = 0; ;) {
      const n = readSync(fd, buffer, 0, buffer.length, at);
      if (n === 0) return;
      yield buffer.subarray(0, n);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
}
