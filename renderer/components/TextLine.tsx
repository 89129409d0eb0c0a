import type { KeyboardEvent, TextareaHTMLAttributes } from 'react';

/**
 * One line of text that wraps inside its field instead of scrolling out of it: a text area one row
 * high that grows with its lines (CSS field-sizing), where Enter types nothing and a pasted line break
 * becomes a space. A one-line input hid the end of what it held: "…, 9312, 961" for the hazardous
 * occupation 9612, the end of a long title that goes on every table (a walk).
 */
export function TextLine({ value, onText, className, ...rest }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'rows'> & { value: string; onText: (text: string) => void }) {
  return (
    <textarea
      {...rest}
      className={className ? `text-line ${className}` : 'text-line'}
      rows={1}
      value={value}
      onKeyDown={(e: KeyboardEvent<HTMLTextAreaElement>) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
      onChange={(e) => onText(e.target.value.replace(/\r?\n|\r/g, ' '))}
    />
  );
}
