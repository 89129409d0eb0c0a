import { useI18n } from '../../components/I18n.js';
import type { MessageKey } from '../../i18n/translate.js';
import { Field } from './Field.js';

/** The divisors offered: as written, two or three implied decimals (LFS habits), DHS's x 1,000,000. */
const DIVISORS = [1, 100, 1000, 1_000_000] as const;
const HINTS: Record<number, MessageKey> = { 1: 'role.weightDivisor.none', 100: 'role.weightDivisor.hundred', 1000: 'role.weightDivisor.thousand', 1_000_000: 'role.weightDivisor.million' };

/**
 * What the weights are divided by (mapping.weightDivisor): only the estimated numbers of children
 * change, prevalences and their intervals do not. A divisor from an analysis file that the list does
 * not offer is kept and shown.
 */
export function WeightDivisorField({ divisor, onChange }: { divisor: number | undefined; onChange: (d: number | undefined) => void }) {
  const { t, locale } = useI18n();
  const value = divisor ?? 1;
  const offered: number[] = DIVISORS.includes(value as (typeof DIVISORS)[number]) ? [...DIVISORS] : [...DIVISORS, value];
  const hint = (d: number) => (HINTS[d] ? t(HINTS[d]) : '');
  return (
    <Field label={t('role.weightDivisor')}>
      {(id) => (
        <select id={id} data-testid="weight-divisor" value={String(value)} onChange={(e) => onChange(Number(e.target.value) === 1 ? undefined : Number(e.target.value))}>
          {offered.map((d) => (
            <option key={d} value={String(d)}>
              {d.toLocaleString(locale)}
              {hint(d) ? ` (${hint(d)})` : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
