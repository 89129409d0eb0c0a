import { useId, useState } from 'react';
import { useI18n } from './I18n.js';

/**
 * A number the user types, read with a decimal point or a decimal comma ("14,5" and "14.5" are 14.5),
 * and shown with the language's. A browser's number input reads a comma as no number, or drops it (a
 * walk: "14,5" hours became 145 in Chromium, unsaid). Text that is no number is kept as typed, marked
 * invalid and not passed on; leaving the field shows the last number again. Whether the number is in
 * range is the core's to say (frameworks.ts: a threshold above a week's hours stops with a message);
 * the field says the range under it as well, and is marked invalid, where the number is typed (a walk:
 * the core's message was far below the editor, the field unmarked).
 */
export function NumberInput({ value, onChange, id, label, placeholder, maxHours }: {
  value: number | null | undefined;
  /** null: the field emptied (where a number is optional: placeholder says what empty means). */
  onChange: (v: number | null) => void;
  id?: string;
  label?: string;
  placeholder?: string;
  /** Hours: the most allowed (a week's 168); the field says the range when the text is no number from 0 to it. */
  maxHours?: number;
}) {
  const { locale, t } = useI18n();
  const own = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const comma = (1.5).toLocaleString(locale).includes(',');
  const shown = value === null || value === undefined ? '' : comma ? String(value).replace('.', ',') : String(value);
  const text = draft ?? shown;
  const read = readDecimal(text);
  const bad = read === undefined || (maxHours !== undefined && read !== null && read > maxHours);
  const hint = `${id ?? own}-range`;
  return (
    <>
      <input
        id={id}
        aria-label={label}
        type="text"
        inputMode="decimal"
        placeholder={placeholder}
        value={text}
        aria-invalid={bad}
        aria-describedby={bad && maxHours !== undefined ? hint : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = readDecimal(e.target.value);
          if (n !== undefined) onChange(n);
        }}
        onBlur={() => setDraft(null)}
      />
      {bad && maxHours !== undefined && (
        <span id={hint} className="field-error" role="alert">
          {t('define.hoursRange', { max: maxHours })}
        </span>
      )}
    </>
  );
}

/** A number of 0 or more with a decimal point or comma; null for an empty field; undefined for anything else. */
export function readDecimal(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  return /^[0-9]+([.,][0-9]*)?$|^[.,][0-9]+$/.test(t) ? Number(t.replace(',', '.')) : undefined;
}
