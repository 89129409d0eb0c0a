import { CATALOGUES, coreText, fill, type Lang } from './i18n/index.js';

/**
 * Every user-facing message of the statistical core. Each has a stable code (tests assert codes,
 * never wording) and a severity, here; its text and what to do about it are in the message catalogue
 * (analysis/i18n/<lang>/messages.ts), English being the source. Placeholders in {braces} are filled
 * from the message's parameters by the catalogue's fill function; the app and the command line show
 * a message in the user's language by its code.
 */
export type Severity = 'error' | 'warning' | 'info';

interface Entry {
  severity: Severity;
  text: string;
  action: string;
}

/**
 * Each message's code and severity. A new message: its code and severity here, its text and action
 * in analysis/i18n/en/messages.ts, and the same code in fr/ and es/ (the type checker names any
 * language that lacks it).
 */
const SEVERITY = {
  // --- analysis file -----------------------------------------------------------------------------
  ANALYSIS_FILE_UNREADABLE: 'error',
  ANALYSIS_FILE_IS_FOLDER: 'error',
  ANALYSIS_FILE_NOT_REGULAR: 'error',
  ANALYSIS_FILE_INVALID: 'error',
  FRAMEWORK_UNKNOWN_PRESET: 'error',
  FRAMEWORK_INVALID: 'error',
  FRAMEWORK_NEEDS_ROLE: 'error',
  FRAMEWORK_UNKNOWN_CONDITION: 'error',
  HAZARD_PART_UNMAPPED: 'warning',
  DUPLICATE_FRAMEWORK_ID: 'error',
  // --- data file and mapping ---------------------------------------------------------------------
  DATA_FILE_UNREADABLE: 'error',
  DATA_FILE_IS_FOLDER: 'error',
  DATA_FILE_NOT_REGULAR: 'error',
  DATA_TOO_LARGE_FOR_APP: 'error',
  DATA_FILE_OVER_APP_LIMIT: 'error',
  DATA_FILE_EMPTY: 'error',
  DATA_FORMAT_UNKNOWN: 'error',
  DATA_NOT_TEXT: 'error',
  DATA_ENCODING_GUESSED: 'info',
  DATA_DECIMAL_COMMA_LIKELY: 'warning',
  DATA_ENCODING_MIXED: 'error',
  DATA_ENCODING_INVALID: 'error',
  DATA_ENCODING_BOM: 'warning',
  DATA_CSV_MALFORMED: 'error',
  DATA_LINE_TOO_LONG: 'error',
  DATA_DELIMITER_SUSPECT: 'error',
  DATA_COLUMN_DUPLICATE: 'error',
  DATA_COLUMN_CASE_RENAMED: 'warning',
  DATA_COLUMN_DUPLICATE_RENAMED: 'warning',
  DATA_COLUMN_RESERVED_RENAMED: 'warning',
  DATA_BLANK_ROWS_SKIPPED: 'info',
  DATA_BLANK_ROWS_INSIDE: 'info',
  DATA_CSV_HEADER_DELIMITER: 'info',
  DATA_CSV_ROW_NAMES: 'info',
  DATA_NOTE_ROWS_SKIPPED: 'info',
  DATA_SAV_UNREADABLE: 'error',
  DATA_DTA_UNREADABLE: 'error',
  DATA_DTA_VERSION: 'error',
  DATA_PARQUET_UNREADABLE: 'error',
  DATA_XLSX_UNREADABLE: 'error',
  DATA_XLSX_SHEET_UNKNOWN: 'error',
  DATA_XLSX_SHEET_EMPTY: 'error',
  DATA_XLSX_ERROR_CELLS: 'warning',
  DATA_XLSX_FORMULA_UNCALCULATED: 'warning',
  DATA_XLSX_TITLE_SKIPPED: 'info',
  DATA_XLSX_MERGED_FILLED: 'info',
  DATA_XLSX_TIME_AS_HOURS: 'warning',
  DATA_XLSX_TIME_WHOLE_DAYS: 'warning',
  DATA_SAV_TIME_SECONDS: 'warning',
  DATA_CSV_TITLE_SKIPPED: 'info',
  DATA_CSV_LINE_ENDS_MIXED: 'info',
  DATA_XLSX_SHEET_CHOSEN: 'info',
  DATA_XLSX_HIDDEN_SHEET_READ: 'warning',
  DATA_XLSX_SHEETS_SAME_COLUMNS: 'warning',
  DATA_USER_MISSING: 'info',
  MAP_UNKNOWN_COLUMN: 'error',
  MAP_COLUMN_CASE: 'error',
  MAP_COLUMN_LOOKALIKE: 'error',
  VALUE_NOT_ASKED_MARK: 'error',
  VALUE_NOT_NUMERIC: 'error',
  DATA_HEADER_REPEATED: 'error',
  DATA_LABEL_ROW: 'error',
  DATA_TOTAL_ROW: 'error',
  VALUE_THOUSANDS_SEPARATOR: 'error',
  VALUE_TIME_TEXT: 'error',
  VALUE_DECIMAL_COMMA: 'error',
  VALUE_DECIMAL_COMMA_TEXT_CELLS: 'error',
  VALUE_DECIMAL_COMMA_TEXT_COLUMN: 'error',
  VALUE_DECIMAL_POINT: 'error',
  WEIGHT_MISSING: 'error',
  WEIGHT_COLUMN_EMPTY: 'error',
  WEIGHT_MISSING_OUTSIDE_UNIVERSE: 'info',
  WEIGHT_NEGATIVE: 'error',
  WEIGHT_ZERO: 'warning',
  WEIGHT_DIVISOR_DECIMALS: 'warning',
  STRATUM_MISSING: 'error',
  PSU_MISSING: 'error',
  PSU_ACROSS_STRATA: 'error',
  PSU_NESTED_INFO: 'info',
  PSU_ACROSS_REGIONS: 'warning',
  PSU_ACROSS_AREAS: 'warning',
  FPC_INVALID: 'error',
  FPC_MIXED: 'error',
  FPC_BELOW_SAMPLE: 'error',
  AGE_INVALID: 'warning',
  AGE_TOP_CODED: 'info',
  AGES_ABSENT: 'warning',
  AGE_FRACTIONAL: 'info',
  CODE_NOT_MAPPED: 'warning',
  MAPPED_CODES_NOT_FOUND: 'error',
  MAPPED_CODES_WITH_LABELS: 'error',
  MAPPED_CODE_IS_LABEL: 'error',
  MAPPED_CODE_LABEL_CONTRADICTS: 'warning',
  MAPPED_CODE_WORD_CONTRADICTS: 'error',
  ONE_PSU_DOMAINS: 'warning',
  UNIVERSE_NOT_SET: 'warning',
  HOURS_EMPTY_AFTER_WORK: 'warning',
  WORK_UNDER_ONE_HOUR: 'info',
  MAPPED_CODE_ABSENT: 'warning',
  HOURS_MISSING_SHARE: 'warning',
  HOURS_NOT_ASKED_AGES: 'warning',
  BREAKDOWN_VALUE_MISSING: 'warning',
  HOURS_UNKNOWN_AT_AGES: 'warning',
  YESNO_MISSING_SHARE: 'warning',
  NO_CHILDREN_IN_SCOPE: 'error',
  UNIVERSE_EMPTY: 'error',
  UNIVERSE_APPLIED: 'info',
  UNIVERSE_AGES_OUTSIDE: 'info',
  UNIVERSE_OUTSIDE_NO_AGE: 'info',
  YESNO_CHOICE_LISTS: 'info',
  WEIGHTS_ALL_ZERO: 'error',
  WEIGHTS_NORMALISED: 'info',
  WEIGHTS_SCALED_MILLION: 'warning',
  WEIGHTS_BELOW_ONE: 'warning',
  WEIGHT_NOT_FINITE: 'error',
  VALUE_NOT_FINITE: 'error',
  HOURS_OUT_OF_RANGE: 'error',
  HOURS_SUM_OUT_OF_RANGE: 'error',
  HOURS_CODES_LABELLED: 'warning',
  HOURS_CODES_SUSPECT: 'warning',
  HOURS_CODES_SUSPECT_SUM: 'warning',
  INDUSTRY_CLASSES_AS_DIVISIONS: 'warning',
  INDUSTRY_DIVISIONS_AS_CLASSES: 'warning',
  INDUSTRY_CODE_DIGITS: 'error',
  INDUSTRY_SECTIONS: 'info',
  OCCUPATION_CODE_DIGITS: 'error',
  OCCUPATION_NOT_UNIT_GROUPS: 'warning',
  YESNO_CODES_READ_AS_NO: 'warning',
  YESNO_YES_READ_AS_NO: 'warning',
  YESNO_YES_NONE: 'error',
  CATEGORY_SPELLINGS: 'warning',
  CATEGORY_CASE_VARIANTS: 'warning',
  CATEGORY_UNICODE_FORMS: 'warning',
  YESNO_YES_IS_LABEL: 'error',
  PSU_NOT_MAPPED: 'error',
  NO_CLUSTERS_CHOSEN: 'info',
  COLUMN_IN_TWO_ROLES: 'warning',
  JOIN_APPLIED: 'info',
  JOIN_UNMATCHED: 'warning',
  JOIN_KEY_BLANK: 'info',
  JOIN_SAME_NAME_DIFFERS: 'warning',
  JOIN_NO_MATCH: 'error',
  JOIN_KEY_MISSING: 'error',
  JOIN_KEY_CASE: 'error',
  JOIN_KEY_DUPLICATE: 'error',
  JOIN_COLUMN_CLASH: 'error',
  FILESET_NOT_JOINED: 'warning',
  FILESET_FILE_MISSING: 'error',
  // --- design and estimation ---------------------------------------------------------------------
  LONELY_PSU_FAIL: 'error',
  LONELY_PSU_PRESENT: 'warning',
  DOMAIN_EMPTY: 'info',
  CI_UNDEFINED: 'info',
  ENGINE_OUT_OF_MEMORY: 'error',
  ENGINE_FAILED: 'error',
  NETWORK_BLOCKED: 'error',
  // --- command line ------------------------------------------------------------------------------
  CLI_USAGE: 'error',
  OUTPUT_IS_INPUT: 'error',
  OUTPUT_IS_FOLDER: 'error',
  OUTPUT_FOLDER_MISSING: 'error',
  OUTPUT_WRITE_FAILED: 'error',
  // --- survey rounds (analysis/rounds/) ----------------------------------------------------------
  ROUNDS_TOO_FEW: 'error',
  ROUNDS_LABEL_DUPLICATE: 'error',
  ROUNDS_FILE_NAMES_SHARED: 'error',
  ROUNDS_SAME_DATA_FILE: 'error',
  ROUNDS_YEARS_NOT_INCREASING: 'error',
  ROUNDS_DATA_MISSING: 'error',
  ROUNDS_NOT_MEASURED: 'warning',
  ROUND_AGES_DIFFER: 'warning',
  ROUND_EMPLOYMENT_DIFFERS: 'warning',
  ROUND_CODES_NOT_IN_CATEGORIES: 'warning',
  ROUND_LABELS_DIFFER: 'warning',
  ROUND_LABELS_DIFFER_FIRST: 'warning',
  ROUND_CODES_SPELLED: 'warning',
  RECODE_CODE_NOT_LISTED: 'warning',
  RECODE_CODE_CLASH: 'error',
  COMPARE_DEFINITIONS_DIFFER: 'error',
} as const satisfies Record<string, Severity>;

export type MessageCode = keyof typeof SEVERITY;

/** Every message with its severity and its English text and action. */
export const MESSAGES = Object.fromEntries(
  (Object.keys(SEVERITY) as MessageCode[]).map((code) => [code, { severity: SEVERITY[code], ...CATALOGUES.en.messages[code] }]),
) as Readonly<Record<MessageCode, Entry>>;

export type MessageParams = Record<string, string | number>;

export interface Message {
  code: MessageCode;
  severity: Severity;
  text: string;
  action: string;
  params: MessageParams;
}

/** What makes two messages the same one (code and text): a list shows each once. */
export const messageKey = (m: Message) => `${m.code}\u0001${m.text}`;

/** Builds a message from the catalogue. */
export function message(code: MessageCode, params: MessageParams = {}): Message {
  const entry = MESSAGES[code];
  return { code, severity: entry.severity, text: fill('en', entry.text, params), action: fill('en', entry.action, params), params };
}

/** An error that carries a catalogue message; everything the core throws at users is one of these. */
export class AnalysisError extends Error {
  readonly msg: Message;
  constructor(code: MessageCode, params: MessageParams = {}) {
    const m = message(code, params);
    super(`${m.text} ${m.action}`);
    this.name = 'AnalysisError';
    this.msg = m;
  }
  get code(): MessageCode {
    return this.msg.code;
  }
}

/** A message for the command line: severity and code (for scripts), then the text and what to do. */
export function formatMessage(m: Message): string {
  return formatMessageIn(m, 'en');
}

/** The same in `lang` (clstats --lang): the text by the message's code and parameters. */
export function formatMessageIn(m: Message, lang: Lang): string {
  const { text, action } = lang === 'en' || !(m.code in SEVERITY) ? m : coreText(lang, m.code, m.params);
  return `${m.severity} ${m.code}: ${text}\n  ${CATALOGUES[lang].texts['msg.action']} ${action}`;
}
