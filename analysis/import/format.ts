/**
 * Which reader a data file needs. The file's first bytes decide when they carry a signature (SPSS
 * "$FL2", Stata "<stata_dta>" or its old binary header, Parquet "PAR1", a zip for .xlsx), so a file
 * with the wrong extension is still read as what it is; otherwise the extension decides, and anything
 * else is read as delimited text.
 */
export type DataFormat = 'csv' | 'parquet' | 'sav' | 'zsav' | 'dta' | 'xlsx';

export const DATA_FORMATS: readonly DataFormat[] = ['csv', 'parquet', 'sav', 'zsav', 'dta', 'xlsx'];

/** The tag of an SPSS portable file, within its first 600 bytes. */
function portableTag(head: Uint8Array): boolean {
  for (let i = 400; i < Math.min(head.length, 600); i++) if (ascii(head, i, 'SPSSPORT')) return true;
  return false;
}

const ascii = (bytes: Uint8Array, at: number, s: string): boolean => {
  if (bytes.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (bytes[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** `unknown`: what the file is, a catalogue text (words.ts formatProblem.*) the message DATA_FORMAT_UNKNOWN gives in the reader's language. */
export type Detected = { format: DataFormat } | { unknown: string; entry?: string };

/** The name of a zip's first file (its first local header: name length at byte 26, the name at 30). */
function firstZipEntry(head: Uint8Array): string | undefined {
  if (head.length < 30) return undefined;
  const length = head[26]! | (head[27]! << 8);
  if (!length || head.length < 30 + length) return undefined;
  return new TextDecoder().decode(head.subarray(30, 30 + length));
}

/** The format of a file from its first bytes and its name. */
export function detectFormat(head: Uint8Array, name: string): Detected {
  if (ascii(head, 0, '$FL2')) return { format: 'sav' };
  if (ascii(head, 0, '$FL3')) return { format: 'zsav' };
  if (ascii(head, 0, '<stata_dta>')) return { format: 'dta' };
  if (ascii(head, 0, 'PAR1')) return { format: 'parquet' };
  if (ascii(head, 0, 'PK\x03\x04')) {
    // A workbook's first part is one of its own ([Content_Types].xml, _rels/, docProps/, xl/); a
    // first file that is a data file or a folder makes an archive of data files (a .zip of the CSV,
    // as NSOs send them), which no Excel reader can open. Anything else is tried as a workbook.
    const entry = firstZipEntry(head);
    if (entry === 'mimetype') return { unknown: 'formatProblem.ods' };
    const data = entry !== undefined && (/\.(csv|tsv|txt|tab|dat|sav|zsav|dta|parquet|xlsx|xls|json|sas7bdat|por)$/i.test(entry) || /^[^/]+\/$/.test(entry));
    return data && !/^(_rels|docProps|xl|customXml)\//.test(entry!) ? { unknown: 'formatProblem.zip', entry: entry! } : { format: 'xlsx' };
  }
  const ext = extensionOf(name);
  // Formats 102-115: release byte, byte order 1 or 2, file type 1.
  if (head.length >= 4 && head[0]! >= 0x66 && head[0]! <= 0x76 && (head[1] === 1 || head[1] === 2) && head[2] === 1 && ext === 'dta') {
    return { format: 'dta' };
  }
  if (head.length >= 8 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return { unknown: 'formatProblem.ole2' };
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return { unknown: 'formatProblem.gzip' };
  if (ascii(head, 0, '%PDF')) return { unknown: 'formatProblem.pdf' };
  // An SPSS portable file: its "SPSSPORT" tag follows 464 bytes of banners and character table, with
  // line ends every 80 characters (read as a CSV it was "not a well-formed CSV", a probe).
  if (ext === 'por' || portableTag(head)) return { unknown: 'formatProblem.por' };
  switch (ext) {
    case 'sav':
      return { format: 'sav' };
    case 'zsav':
      return { format: 'zsav' };
    case 'dta':
      return { format: 'dta' };
    case 'parquet':
    case 'pq':
      return { format: 'parquet' };
    case 'xlsx':
    case 'xlsm':
      return { format: 'xlsx' };
    case 'xls':
      return { unknown: 'formatProblem.xls' };
    case 'ods':
      return { unknown: 'formatProblem.ods' };
    case 'sas7bdat':
    case 'xpt':
      return { unknown: 'formatProblem.sas' };
    case 'rds':
    case 'rdata':
    case 'rda':
      return { unknown: 'formatProblem.rdata' };
    default:
      return { format: 'csv' };
  }
}
