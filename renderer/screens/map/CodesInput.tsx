import { useEffect, useState } from 'react';

/** Codes typed as a list separated by commas ("98, 99, DK"), trimmed, blanks left out. */
export const codeList = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/**
 * A list of codes typed as text. The text typed is kept as typed ("98, " while the next code is on its
 * way) and the parsed list is handed on at each keystroke; the text follows the list only when the
 * list changes from elsewhere (another file, a preset).
 */
/** `label`: the input's name for screen readers when the visible label repeats (each role's "missing codes"). */
export function CodesInput({ id, codes, onChange, size = 8, label }: { id: string; codes: readonly string[]; onChange: (codes: string[]) => void; size?: number; label?: string }) {
  const [text, setText] = useState(codes.join(', '));
  const joined = codes.join('\u0001');
  useEffect(() => {
    setText((now) => (codeList(now).join('\u0001') === joined ? now : joined.split('\u0001').filter(Boolean).join(', ')));
  }, [joined]);
  return (
    <input
      id={id}
      size={size}
      {...(label ? { 'aria-label': label } : {})}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(codeList(e.target.value));
      }}
    />
  );
}
