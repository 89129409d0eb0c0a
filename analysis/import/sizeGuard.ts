import { AnalysisError, message, type Message } from '../messages.js';

/**
 * The app's guard against files too large for DuckDB-WASM, whose WebAssembly memory cannot grow past
 * 4 GB: the file's size is estimated in cells (rows x columns) before anything is loaded, and a file
 * over the app's limit stops with DATA_TOO_LARGE_FOR_APP, which names the command line (native DuckDB,
 * no such limit). The command line passes no limit. The limit itself is measured: docs/performance.md.
 */
export interface SizeEstimate {
  rows: number;
  columns: number;
}

/**
 * Rows and columns of a delimited text file: columns from the header line (the most frequent of
 * , ; tab | in it); rows counted as line ends in `all` (the whole file, when it is in memory: the app),
 * else from the average length of the complete lines of `head`. Quoted delimiters or line breaks make
 * it approximate, which is all a guard needs.
 */
export function estimateDelimited(head: Uint8Array, size: number, all?: Uint8Array): SizeEstimate {
  let lines = 0;
  let lastEnd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 10) {
      lines++;
      lastEnd = i + 1;
    }
  }
  const firstEnd = head.indexOf(10);
  const header = new TextDecoder().decode(head.subarray(0, firstEnd < 0 ? head.length : firstEnd));
  const counts = [',', ';', '\t', '|'].map((d) => header.split(d).length - 1);
  const columns = Math.max(...counts) + 1;
  if (all) {
    let ends = 0;
    for (let at = all.indexOf(10); at >= 0; at = all.indexOf(10, at + 1)) ends++;
    const last = all.length > 0 && all[all.length - 1] !== 10 ? 1 : 0;
    return { rows: Math.max(0, ends + last - 1), columns };
  }
  if (lines === 0) return { rows: 0, columns };
  const perLine = lastEnd / lines;
  return { rows: Math.max(0, Math.round(size / perLine) - 1), columns };
}

/** Stops with DATA_TOO_LARGE_FOR_APP when rows x columns is over `maxCells`. */
export function checkSize(file: string, estimate: SizeEstimate, maxCells: number | undefined): void {
  if (maxCells === undefined) return;
  const cells = estimate.rows * estimate.columns;
  if (cells <= maxCells) return;
  throw new AnalysisError('DATA_TOO_LARGE_FOR_APP', {
    file,
    // Numbers: the message catalogue writes them with the language's thousands separators.
    rows: estimate.rows,
    columns: estimate.columns,
    limit: Math.floor(maxCells / Math.max(1, estimate.columns)),
  });
}

/**
 * The largest file the app reads into the page at all (1 GiB): larger ones would not fit in the page's
 * memory beside DuckDB's copy, so the desktop shell does not read them and the browser does not either.
 */
export const APP_MAX_FILE_BYTES = 1024 ** 3;

/** DATA_FILE_OVER_APP_LIMIT for a file of `bytes` bytes, its size in GB to one decimal. */
export function overAppLimit(file: string, bytes: number): Message {
  return message('DATA_FILE_OVER_APP_LIMIT', { file, size: Math.round((bytes / 1024 ** 3) * 10) / 10 });
}
