import { focusAfterRemoval } from './focusAfterRemoval.js';
import { useI18n } from './I18n.js';

/** A chip's remove button ("× Remove <name>"): the focus stays by the chips when it removes its chip (focusAfterRemoval). */
export function ChipRemove({ name, onRemove }: { name: string; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="chip-remove"
      aria-label={`${t('action.remove')} ${name}`}
      onClick={(e) => {
        focusAfterRemoval(e.currentTarget);
        onRemove();
      }}
    >
      ×
    </button>
  );
}
