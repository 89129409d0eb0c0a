/**
 * The one error type the binary readers throw for a file they cannot decode. The message names the
 * file and says what is wrong in words a survey analyst can act on ("children.sav: truncated in the
 * data at case 1234"); `code` is stable so the app can pick its own message or help link.
 */
export type ImportErrorCode =
  /** Not an SPSS system file: no $FL2/$FL3 magic, or an impossible layout code. */
  | 'SAV_BAD_HEADER'
  /** The file ends inside the dictionary or inside the data. */
  | 'SAV_TRUNCATED'
  /** A dictionary record is malformed (unknown record type, impossible width, bad reference). */
  | 'SAV_BAD_RECORD'
  /** The zlib blocks of a .zsav file are damaged or inconsistent. */
  | 'SAV_BAD_COMPRESSION'
  /** A feature this reader does not handle (non-IEEE floats, EBCDIC). */
  | 'SAV_UNSUPPORTED'
  /** Not a .dta file of a version this reader supports. */
  | 'DTA_UNKNOWN_VERSION'
  /** The file ends before the header, descriptors, data or a strL says it should. */
  | 'DTA_TRUNCATED'
  /** A section of a 117+ file is not where its tags or map say, or a field is impossible. */
  | 'DTA_BAD_FORMAT'
  /** Not a zip archive, a damaged one, or no workbook/sheet parts where the .xlsx format puts them. */
  | 'XLSX_BAD_FORMAT'
  /** The sheet asked for is not in the workbook. */
  | 'XLSX_SHEET_UNKNOWN'
  /** Not a Parquet file, or one the reader cannot decode. */
  | 'PARQUET_BAD_FORMAT';

export class ImportFormatError extends Error {
  readonly file: string;
  readonly code: ImportErrorCode;
  readonly detail: string;

  constructor(file: string, code: ImportErrorCode, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ImportFormatError';
    this.file = file;
    this.code = code;
    this.detail = detail;
  }
}
