import { useI18n } from '../../components/I18n.js';
import { Field } from './Field.js';

/** The divisors offered: as written, two or three implied decimals (LFS habits), DHS's x 1,000,000. */
const DIVISORS = [1, 100, 1000, 1_000_000] as const;

/**
 * What the weights are divided by (mapping.weightDivisor): only the estimated numbers of children
 * change, prevalences and their intervals do not. A divisor from an analysis file that the list does
 * not offer is kept and shown.
 */
export function WeightDivisorField({ divisor, onChange }: { divisor: number | undefined; onChange: (d: number | undefined) => void }) {
  const { t, locale } = useI18n();
  const value = divisor ?? 1;
  const offered: number[] = DIVISORS.includes(value as (typeof DIVISORS)[number]) ? [...DIVISORS] : [...DIVISORS, value];
  const hint = (d: number) => (d === 100 ? t('role.weightDivisor.hundred') : d === 1000 ? t('role.weightDivisor.thousand') : d === 1_000_000 ? t('role.weightDivisor.million') : d === 1 ? t('role.weightDivisor.none') : '');
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
