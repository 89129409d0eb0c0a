import { useState } from 'react';
import { useI18n } from './I18n.js';

/**
 * A number the user types, read with a decimal point or a decimal comma ("14,5" and "14.5" are 14.5),
 * and shown with the language's. A browser's number input reads a comma as no number, or drops it (a
 * walk: "14,5" hours became 145 in Chromium, unsaid). Text that is no number is kept as typed, marked
 * invalid and not passed on; leaving the field shows the last number again. Whether the number is in
 * range is the core's to say (frameworks.ts: a threshold above a week's hours stops with a message).
 */
export function NumberInput({ value, onChange, id, label, placeholder }: {
  value: number | null | undefined;
  /** null: the field emptied (where a number is optional: placeholder says what empty means). */
  onChange: (v: number | null) => void;
  id?: string;
  label?: string;
  placeholder?: string;
}) {
  const { locale } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const comma = (1.5).toLocaleString(locale).includes(',');
  const shown = value === null || value === undefined ? '' : comma ? String(value).replace('.', ',') : String(value);
  const text = draft ?? shown;
  return (
    <input
      id={id}
      aria-label={label}
      type="text"
      inputMode="decimal"
      placeholder={placeholder}
      value={text}
      aria-invalid={draft !== null && readDecimal(draft) === undefined}
      onChange={(e) => {
        setDraft(e.target.value);
        const n = readDecimal(e.target.value);
        if (n !== undefined) onChange(n);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

/** A number of 0 or more with a decimal point or comma; null for an empty field; undefined for anything else. */
export function readDecimal(s: string): number | null | undefined {
  const t = s.trim();
  if (t === '') return null;
  return /^[0-9]+([.,][0-9]*)?$|^[.,][0-9]+$/.test(t) ? Number(t.replace(',', '.')) : undefined;
}
