import type { Mapping } from '../../../analysis/index.js';
import { useI18n } from '../../components/I18n.js';
import type { MessageKey } from '../../i18n/translate.js';
import { sharedColumns } from '../../model/designRoles.js';

/** Warns, as the user maps, about a column given to two roles (sex and area, age and weight, ...). */
export function SharedColumnsNotice({ mapping }: { mapping: Partial<Mapping> }) {
  const { t } = useI18n();
  const role = (r: string) => (r.startsWith('hazards.') ? `${t('role.hazards')} (${r.slice('hazards.'.length)})` : t(`role.${r}` as MessageKey));
  const shared = sharedColumns(mapping);
  // Always rendered, so that screen readers announce a warning when it appears.
  return (
    <div aria-live="polite" data-testid="shared-columns">
      {shared.map((s) => (
        <p key={s.column} className="notice">
          {t('map.sharedColumn', { column: s.column, roles: s.roles.map(role).join(', ') })}
        </p>
      ))}
    </div>
  );
}
