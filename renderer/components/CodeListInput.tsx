import { useEffect, useState } from 'react';
import { parseCodeList } from '../model/codeRanges.js';
import { useI18n } from './I18n.js';
import { TextLine } from './TextLine.js';

/**
 * A list of classification codes typed as text ("5-9, 41-43"), handed on at each keystroke when every
 * part reads as a code or a range, else the parts not understood are said under the field and the
 * list is left as it was. The text typed is kept as typed; it follows the list only when the list
 * changes from elsewhere (a reset). Handing it on as it is typed, not on leaving the field, keeps the
 * screen still when a button is clicked straight after (a change on blur moved the Estimate button
 * under the pointer and swallowed the click).
 * The list wraps in its field (TextLine): a list of ISCO unit groups is longer than a field's width.
 */
export function CodeListInput({ id, codes, onChange }: { id: string; codes: readonly number[]; onChange: (codes: number[]) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(codes.join(', '));
  const joined = codes.join(',');
  useEffect(() => {
    setText((now) => {
      const { codes: mine, bad } = parseCodeList(now);
      return bad.length || mine.join(',') === joined ? now : joined.split(',').filter(Boolean).join(', ');
    });
  }, [joined]);
  const bad = parseCodeList(text).bad;
  return (
    <>
      <TextLine
        id={id}
        className="wide-input"
        value={text}
        aria-invalid={bad.length > 0}
        aria-describedby={bad.length ? `${id}-bad` : undefined}
        onText={(typed) => {
          setText(typed);
          const parsed = parseCodeList(typed);
          if (!parsed.bad.length) onChange(parsed.codes);
        }}
      />
      {bad.length > 0 && (
        <span id={`${id}-bad`} className="field-error" role="alert">
          {t('define.codesBad', { parts: bad.join(', ') })}
        </span>
      )}
    </>
  );
}
