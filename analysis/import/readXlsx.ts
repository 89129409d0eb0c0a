import type { DecodedTable, StringColumn } from './columns.js';
import { clip, headerRowWith, TITLE_LOOK, titleRowCount } from './titleRows.js';
import { ImportFormatError } from './errors.js';
import { hoursText, isWeekOfHours, timeStyles } from './xlsxTimes.js';
import { elements, partText, resolveTarget, text, xmlText } from './xlsxXml.js';
import { Zip } from './zip.js';

/**
 * Reads one sheet of an Excel workbook (.xlsx, Office Open XML, ECMA-376 Part 1: 18.2 workbook,
 * 18.3 worksheet, 18.4 shared strings) into text columns, as a CSV export of that sheet would give
 * them: the first non-empty row is the header (after title rows, see `titleRowCount`), empty rows
 * between data rows are rows of no value (the import leaves them out, the rows keeping the sheet's
 * numbers under the header: load.ts dropBlankRows), number cells are written in their shortest form ("1", "2.5"), booleans as
 * TRUE/FALSE, error cells (#N/A, #DIV/0!) as codes the file declares missing (counted in
 * `errorCells`, see below), and so are formulas without a calculated result (`formulaCells`: a
 * workbook written by a program and never opened in Excel). Dates stay Excel serial numbers. The sheet XML is scanned as bytes, so no
 * DOM and no per-row objects: each column is one array of strings.
 *
 * Why error cells are declared missing rather than read as empty or as plain text: an empty cell is
 * "not asked" in this app (a role's `blank` rule, e.g. MICS hours blank = 0 hours), so an #N/A read as
 * empty would silently become 0 hours. An error is "the value is unknown", which is what SPSS
 * user-missing and Stata .a-.z codes are: the cell keeps its text (#N/A) in `missingCodes`, the loader
 * writes it back into the table and lists it as a declared code of its column (declaredMissing.ts), so
 * every role reads it as missing (unknown hours, unknown sex), never as blank nor as a number, without
 * the user declaring it, and the validation names the column and its codes (DATA_USER_MISSING). A
 * text cell holding "#N/A" in the same column then means the same and is missing too.
 */
export interface XlsxOptions {
  /** Sheet name, or 1-based position (hidden sheets count); default the first sheet that is not hidden. */
  sheet?: string | number;
  /** The first non-empty row holds the column names (default true); title rows above it are skipped. */
  header?: boolean;
  /** Columns the data has (the mapped ones, when known): the header is the top row naming them all (titleRows.ts headerRowWith). */
  headerWith?: readonly string[];
  /** The header and the first data row only (its columns' names, rows 0 or 1): a look at another sheet. */
  peek?: boolean;
}

/**
 * The code of a formula cell without a calculated result, declared missing as an error cell's text is
 * (DATA_XLSX_FORMULA_UNCALCULATED says how many and where); the mark stands for it while parsing.
 */
export const UNCALCULATED = '#UNCALCULATED';
const UNCALCULATED_MARK = '\u0000uncalculated';


/** A non-empty cell of the sheet, as read. */
interface TopCell {
  row: number;
  col: number;
  cell: string;
  isNumber: boolean;
  isError: boolean;
  ref: string | undefined;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)) {
    const body = (m[1] ?? '').replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
    let s = '';
    for (const t of body.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) s += xmlText(t[1] ?? '');
    out.push(s);
  }
  return out;
}

/** Column index (0-based) and row number of a cell reference ("AB12"), or undefined if malformed. */
function cellRef(ref: string): { col: number; row: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = Number(ref.slice(i));
  if (col === 0 || !Number.isInteger(row) || row < 1) return undefined;
  return { col: col - 1, row };
}

function colName(col: number): string {
  let s = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const INTEGER_TEXT = /^-?(0|[1-9]\d{0,14})$/;

/** A number cell's text in its shortest round-trip form, as a CSV export would write it. */
function numberText(v: string): string {
  if (INTEGER_TEXT.test(v)) return v;
  const x = Number(v);
  return Number.isFinite(x) ? (Object.is(x, -0) ? '0' : String(x)) : v;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/** Index of the byte sequence `s` (ASCII) in bytes[from, to), or -1. */
function find(bytes: Uint8Array, s: string, from: number, to = bytes.length): number {
  const first = s.charCodeAt(0);
  // indexOf on a view ending at `to`: on the whole sheet it would scan past the tag to the next such
  // byte, and an attribute a cell lacks (no t="..." on number cells, as xlsxwriter writes them) would
  // make reading quadratic in the sheet's size.
  const view = to < bytes.length ? bytes.subarray(0, to) : bytes;
  outer: for (let i = view.indexOf(first, from); i >= 0 && i + s.length <= to; i = view.indexOf(first, i + 1)) {
    for (let k = 1; k < s.length; k++) if (bytes[i + k] !== s.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

const utf8 = new TextDecoder();

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return utf8.decode(bytes.subarray(start, end));
    s += String.fromCharCode(b);
  }
  return s;
}

/** The value of attribute `name` inside the tag bytes [start, end), or undefined. */
function attr(bytes: Uint8Array, start: number, end: number, name: string): string | undefined {
  let i = start;
  for (;;) {
    i = find(bytes, name + '="', i, end);
    if (i < 0) return undefined;
    const before = bytes[i - 1]!;
    if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d) {
      const from = i + name.length + 2;
      const to = bytes.indexOf(0x22, from);
      return to < 0 || to > end ? undefined : xmlText(ascii(bytes, from, to));
    }
    i += name.length;
  }
}

/** The longest run of empty sheet rows between data rows kept as rows (readXlsx `place`). */
const MAX_GAP = 1000;

/** Local name (namespace prefix dropped) of the tag starting at `lt` ('<'), and where the name ends. */
function tagName(bytes: Uint8Array, lt: number): { name: string; end: number } {
  let i = lt + 1;
  let start = i;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x3a) start = i + 1; // ':'
    else if (b === 0x20 || b === GT || b === SLASH || b === 0x09 || b === 0x0a || b === 0x0d) break;
  }
  return { name: ascii(bytes, start, i), end: i };
}

export async function readXlsx(bytes: Uint8Array, fileName: string, options: XlsxOptions = {}): Promise<DecodedTable> {
  const zip = new Zip(bytes, fileName);
  const fail = (detail: string): never => {
    throw new ImportFormatError(fileName, 'XLSX_BAD_FORMAT', detail);
  };
  let workbookPath = 'xl/workbook.xml';
  if (zip.has('_rels/.rels')) {
    const main = elements(await text(zip, '_rels/.rels'), 'Relationship').find((r) => /officeDocument$/.test(r.Type ?? ''));
    if (main?.Target) workbookPath = resolveTarget('', main.Target);
  }
  if (!zip.has(workbookPath)) fail('it is a zip archive but not an Excel workbook (no xl/workbook.xml)');
  const sheets = elements(await text(zip, workbookPath), 'sheet').map((a) => ({
    name: a.name ?? '',
    hidden: a.state === 'hidden' || a.state === 'veryHidden',
    rid: Object.entries(a).find(([k]) => k === 'r:id' || (k.endsWith(':id') && k !== 'sheetId'))?.[1] ?? '',
  }));
  if (sheets.length === 0) fail('the workbook has no sheets');
  const relsPath = workbookPath.replace(/[^/]*$/, (f) => `_rels/${f}.rels`);
  const rels = zip.has(relsPath) ? elements(await text(zip, relsPath), 'Relationship') : [];
  const want = options.sheet;
  // By default the first sheet Excel shows: a hidden first sheet is a lookup or a macro's, not the data.
  const sheet = want === undefined ? sheets.find((s) => !s.hidden) ?? sheets[0]!
    : typeof want === 'number' ? sheets[want - 1]
      : sheets.find((s) => s.name === want) ?? sheets.find((s) => s.name.toLowerCase() === want.toLowerCase());
  if (!sheet) {
    throw new ImportFormatError(fileName, 'XLSX_SHEET_UNKNOWN', `no sheet ${typeof want === 'number' ? `number ${want}` : `"${want}"`} (sheets: ${sheets.map((s) => `"${s.name}"`).join(', ')})`);
  }
  const target = rels.find((r) => r.Id === sheet.rid)?.Target;
  const sheetPath = target ? resolveTarget(workbookPath, target) : `xl/worksheets/sheet${sheets.indexOf(sheet) + 1}.xml`;
  if (!zip.has(sheetPath)) fail(`the part of sheet "${sheet.name}" (${sheetPath}) is missing`);
  const shared = await partText(zip, workbookPath, rels, 'sharedStrings');
  const sst = shared === undefined ? [] : sharedStrings(shared);
  // Number cells shown as a time (xlsxTimes.ts): read as the hours Excel shows, counted per column.
  const times = timeStyles(await partText(zip, workbookPath, rels, 'styles'));
  const timeCols = new Map<number, number>();
  let firstTime = '';
  let wholeDays = 0;
  let firstWhole = '';
  const xml = await zip.read(sheetPath);
  const header = options.header ?? true;
  const headerCells = new Map<number, string>();
  const cols = new Map<number, string[]>();
  const textCols = new Set<number>();
  let headerRow = header ? 0 : -1; // 0: not seen yet; -1: no header
  let dataRows = 0;
  let lastDataRow = -1;
  let row = 0; // current row number
  let nextCol = 0; // for cells without a reference
  let errors = 0;
  let firstError = '';
  let formulas = 0;
  let firstFormula = '';
  const errorCodes = new Map<number, Map<number, string>>(); // column -> data row (0-based) -> error text
  let top: TopCell[][] | undefined = header ? [] : undefined; // the first non-empty rows, held back
  const dataRowAt = new Map<number, number>(); // sheet row -> data row (0-based)
  let titles: DecodedTable['titleRows'];

  /** One non-empty cell into the header or the columns. */
  const place = (row: number, col: number, cell: string, isNumber: boolean, isError: boolean, ref: string | undefined): void => {
    if (headerRow === 0) headerRow = row;
    if (row === headerRow) {
      headerCells.set(col, cell);
      lastDataRow = row;
      return;
    }
    if (row !== lastDataRow) {
      // Sheet rows with no cell between data rows stay rows (of no value, which the import leaves out,
      // the others keeping their numbers: load.ts dropBlankRows), so that "row N" in every message is
      // the sheet's row N under the header, as DATA_XLSX_TITLE_SKIPPED says (a probe: "row 2000" was
      // sheet row 2002, a blank row above it passed over). Past a gap of MAX_GAP rows (a stray cell far
      // down), the rows are counted on as before: no sheet of blanks is built.
      const gap = lastDataRow > 0 ? row - lastDataRow - 1 : 0;
      lastDataRow = row;
      dataRows += gap > 0 && gap <= MAX_GAP ? gap + 1 : 1;
      dataRowAt.set(row, dataRows - 1);
    }
    if (isError) {
      if (cell === UNCALCULATED) {
        if (formulas++ === 0) firstFormula = ref ?? `${colName(col)}${row}`;
      } else if (errors++ === 0) firstError = ref ?? `${colName(col)}${row}`;
      let codes = errorCodes.get(col);
      if (!codes) errorCodes.set(col, (codes = new Map()));
      codes.set(dataRows - 1, cell);
      return;
    }
    let arr = cols.get(col);
    if (!arr) cols.set(col, (arr = []));
    arr[dataRows - 1] = cell;
    if (!isNumber) textCols.add(col);
  };
  /** Drops the title rows held back, if any, and places the other cells. */
  const flushTop = (): void => {
    const held = top!;
    top = undefined;
    const rule = titleRowCount(held.map((r) => ({ cells: r.length, numbers: r.filter((c) => c.isNumber).length })));
    const n = headerRowWith(held.map((r) => r.map((c) => c.cell)), rule, options.headerWith);
    if (n > 0) {
      const text = held.slice(0, n).flatMap((r) => r.map((c) => c.cell.replace(/\s+/g, ' ').trim())).join(' / ');
      titles = { count: n, text: clip(text, 80), headerRow: held[n]![0]!.row };
    }
    for (const r of held.slice(n)) for (const c of r) place(c.row, c.col, c.cell, c.isNumber, c.isError, c.ref);
  };

  const dataStart = find(xml, 'sheetData', 0);
  let i = dataStart < 0 ? xml.length : dataStart;
  while (i < xml.length) {
    const lt = xml.indexOf(LT, i);
    if (lt < 0) break;
    if (xml[lt + 1] === SLASH || xml[lt + 1] === 0x3f || xml[lt + 1] === 0x21) {
      i = lt + 1;
      continue;
    }
    const { name, end: nameEnd } = tagName(xml, lt);
    const gt = xml.indexOf(GT, nameEnd);
    if (gt < 0) fail(`the XML of sheet "${sheet.name}" is truncated`);
    const selfClosing = xml[gt - 1] === SLASH;
    if (name === 'row') {
      if (options.peek && !top && dataRows > 0) break;
      const r = Number(attr(xml, nameEnd, gt, 'r'));
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      nextCol = 0;
      i = gt + 1;
      continue;
    }
    if (name !== 'c') {
      if (name === 'sheetData' && selfClosing) break;
      i = gt + 1;
      continue;
    }
    const ref = attr(xml, nameEnd, gt, 'r');
    const pos = ref ? cellRef(ref) : undefined;
    const col = pos ? pos.col : nextCol;
    if (pos && pos.row !== row) row = pos.row;
    if (row === 0) row = 1;
    nextCol = col + 1;
    const t = attr(xml, nameEnd, gt, 't') ?? 'n';
    let value: string | undefined;
    if (selfClosing) {
      i = gt + 1;
    } else {
      // Children up to "</c>" (any prefix): <v> holds the value, <is><t> an inline string, <f> a formula.
      let k = gt + 1;
      let inline = '';
      let formula = false;
      for (;;) {
        const open = xml.indexOf(LT, k);
        if (open < 0) fail(`the XML of sheet "${sheet.name}" is truncated`);
        if (xml[open + 1] === SLASH) {
          const tn = tagName(xml, open + 1);
          k = xml.indexOf(GT, tn.end) + 1;
          if (k === 0) fail(`the XML of sheet "${sheet.name}" is truncated`);
          if (tn.name === 'c') break;
          continue;
        }
        const tn = tagName(xml, open);
        const tg = xml.indexOf(GT, tn.end);
        if (tg < 0) fail(`the XML of sheet "${sheet.name}" is truncated`);
        const closed = xml[tg - 1] === SLASH;
        if (tn.name === 'f') formula = true;
        if (!closed && (tn.name === 'v' || tn.name === 't')) {
          const stop = xml.indexOf(LT, tg + 1);
          if (stop < 0) fail(`the XML of sheet "${sheet.name}" is truncated`);
          const body = ascii(xml, tg + 1, stop);
          if (tn.name === 'v') value = body;
          else inline += xmlText(body);
          k = stop;
        } else if (!closed && tn.name === 'rPh') {
          const skip = find(xml, 'rPh>', tg + 1);
          k = skip < 0 ? xml.length : skip + 4;
        } else k = tg + 1;
      }
      if (t === 'inlineStr') value = inline;
      // A formula whose result the workbook does not hold (written by a program, never calculated):
      // its value is unknown, as an error cell's; read as 0 or as blank it would be a wrong number.
      if (formula && (value === undefined || value === '')) value = UNCALCULATED_MARK;
      i = k;
    }
    if (value === undefined) continue;
    let cell: string;
    let isNumber = false;
    let isError = false;
    if (t === 's') {
      const k = Number(value);
      if (!Number.isInteger(k) || k < 0 || k >= sst.length) fail(`cell ${ref ?? colName(col) + row} refers to shared string ${value}, which is not in the workbook`);
      cell = sst[k]!;
    } else if (t === 'str' || t === 'inlineStr') cell = t === 'str' ? xmlText(value) : value;
    else if (t === 'b') cell = value === '1' ? 'TRUE' : 'FALSE';
    else if (value === UNCALCULATED_MARK) {
      cell = UNCALCULATED;
      isError = true;
    } else if (t === 'e') {
      // Excel always writes the error's text; a writer that leaves it empty still marks an error. In
      // the header row the text names the column, as a CSV export writes it.
      cell = xmlText(value).trim() || '#N/A';
      isError = true;
    } else if (t === 'd') cell = xmlText(value);
    else if (times.size && times.has(Number(attr(xml, nameEnd, gt, 's') ?? -1)) && isWeekOfHours(Number(value))) {
      cell = hoursText(Number(value));
      isNumber = true;
      timeCols.set(col, (timeCols.get(col) ?? 0) + 1);
      firstTime ||= ref ?? `${colName(col)}${row}`;
      // A whole number of days (24:00, 48:00) is also what a number typed into the cell gives (5 for 5 hours).
      if (Number.isInteger(Number(value)) && Number(value) > 0 && wholeDays++ === 0) firstWhole = ref ?? `${colName(col)}${row}`;
    } else {
      cell = numberText(value);
      isNumber = true;
    }
    if (cell === '') continue;
    if (top) {
      // The first rows wait until it is known whether titles stand above the header.
      if (row !== top.at(-1)?.at(-1)?.row) {
        if (top.length > TITLE_LOOK) flushTop();
        else top.push([]);
      }
      if (top) {
        top.at(-1)!.push({ row, col, cell, isNumber, isError, ref });
        continue;
      }
    }
    place(row, col, cell, isNumber, isError, ref);
  }
  if (top) flushTop();
  const merged = fillMerged(xml, dataRowAt, cols);

  // The used columns, from the first to the last that has a name or a value (as a CSV export gives them).
  const used = [...headerCells.keys(), ...cols.keys(), ...errorCodes.keys()];
  const first = used.length ? Math.min(...used) : 0;
  const width = used.length ? Math.max(...used) + 1 : 0;
  const columns: StringColumn[] = [];
  for (let c = first; c < width; c++) {
    const name = (headerCells.get(c) ?? '').trim() || `column${c + 1}`;
    const arr = cols.get(c) ?? [];
    const values = new Array<string>(dataRows);
    const valid = new Uint8Array(dataRows);
    for (let r = 0; r < dataRows; r++) {
      const v = arr[r];
      if (v !== undefined) {
        values[r] = v;
        valid[r] = 1;
      } else values[r] = '';
    }
    const col: StringColumn = { kind: 'string', name, values, valid };
    if (arr.length > 0 && !textCols.has(c)) col.numeric = true;
    const codes = errorCodes.get(c);
    if (codes) col.missingCodes = codes;
    columns.push(col);
  }
  const table: DecodedTable = { file: fileName, format: 'xlsx', rows: dataRows, columns, encoding: 'utf-8', sheet: sheet.name, sheets: sheets.map((s) => s.name), hiddenSheets: sheets.filter((s) => s.hidden).map((s) => s.name) };
  if (errors) table.errorCells = { count: errors, first: firstError };
  if (formulas) table.formulaCells = { count: formulas, first: firstFormula };
  if (titles) table.titleRows = titles;
  if (merged) table.mergedCells = merged;
  const timed = columns.filter((_, k) => timeCols.has(first + k));
  if (timed.length) {
    table.timeCells = { count: [...timeCols.values()].reduce((a, b) => a + b, 0), first: firstTime, columns: timed.map((c) => c.name), wholeDays, firstWhole };
  }
  return table;
}

/**
 * Merged cells in the data rows (a region written once over its block of rows, as presentation
 * workbooks do): the workbook holds the value in the range's first cell only, and Excel shows it in
 * every cell. Each empty cell of such a range (down one column) in a data row is given that value, as the user sees the
 * sheet; read as blank, the other rows had no region and the region's estimates rested on one row
 * each (a probe). Ranges that reach the header row are the header's (titleRows.ts). Returns how many
 * ranges filled cells, and the first, for DATA_XLSX_MERGED_FILLED; undefined when none.
 */
function fillMerged(xml: Uint8Array, dataRowAt: Map<number, number>, cols: Map<number, string[]>): { count: number; first: string } | undefined {
  const at = find(xml, 'mergeCells', 0);
  if (at < 0) return undefined;
  let count = 0;
  let first = '';
  for (let i = find(xml, 'mergeCell ', at); i >= 0; i = find(xml, 'mergeCell ', i + 1)) {
    const gt = xml.indexOf(GT, i);
    const range = attr(xml, i + 'mergeCell'.length, gt, 'ref') ?? '';
    const [a, b] = range.split(':').map(cellRef);
    // Down one column only: a range across columns in a data row is a label over them ("Not
    // applicable" over the job questions), not the value of each (a review).
    if (!a || !b || a.col !== b.col) continue;
    const top = dataRowAt.get(a.row);
    const value = top === undefined ? undefined : cols.get(a.col)?.[top];
    if (value === undefined) continue;
    // The column holds the first cell's value, so it exists; its kind (text or numbers) stays.
    const arr = cols.get(a.col)!;
    let filled = false;
    for (let r = a.row + 1; r <= b.row; r++) {
      const d = dataRowAt.get(r);
      if (d === undefined || arr[d] !== undefined) continue;
      arr[d] = value;
      filled = true;
    }
    if (filled && count++ === 0) first = range;
  }
  return count ? { count, first } : undefined;
}
