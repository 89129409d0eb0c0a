import { useRef, useState } from 'react';
import { useI18n } from './I18n.js';

/**
 * A column to add to a role's list (hazard flags, breakdowns, a sum's columns): chosen in the list, then
 * added with the button. Adding on the list's change added a column at each key press: a closed list
 * changes its value on the arrow keys and on typed letters (Windows, Linux), so typing "A_T" added AGE
 * and A_TRAVAILLE (a walk, keyboard only).
 */
/**
 * `options`: the columns that can be added, each with the text its option shows (its name, or its name
 * and codes). `name`: the list's name for screen readers when several lists show the same `label` (the
 * role's, "Add a column: Hours of economic activity"; a walk heard three lists alike). After an add the
 * focus goes back to the list: the button, disabled again, dropped it to the page's heading, 53 Tabs
 * from Accept (a keyboard walk).
 */
export function AddColumn({ label, name = label, options, onAdd, id }: { label: string; name?: string; options: readonly { value: string; text: string }[]; onAdd: (column: string) => void; id?: string }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState('');
  const list = useRef<HTMLSelectElement>(null);
  const pick = options.some((o) => o.value === chosen) ? chosen : '';
  return (
    <span className="add-column">
      <select id={id} ref={list} aria-label={name} value={pick} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{label}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="secondary"
        disabled={!pick}
        // The list's name without its ellipsis: it holds the button's own word (Add, Ajouter, Agregar).
        aria-label={name.replace(/…/g, '')}
        onClick={() => {
          onAdd(pick);
          setChosen('');
          list.current?.focus();
        }}
      >
        {t('action.add')}
      </button>
    </span>
  );
}
