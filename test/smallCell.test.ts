import { describe, expect, it } from 'vitest';
import { runFile } from '../analysis/cli/main.js';
import { chartSpecs } from '../analysis/present/chartSpecs.js';

/**
 * The CV rule (methods.md section 9): an estimate of 0 has no CV (0/0) and is published as it stands,
 * as an estimate of 100 % (CV 0) is. A probe found every 0 suppressed ("*"), "child labour other than
 * hazardous" at 15-17, 0 by definition, in every cell; the exported R script flags as the app does
 * (test/export/rscript.test.ts runs it on the same file).
 */
const CV_RULE = new URL('./fixtures/lfs_cv_rule.analysis.json', import.meta.url).pathname;

describe('the CV small-cell rule', () => {
  it('publishes an estimate of 0 as it stands, and flags the others by their CV', async () => {
    const { result } = await runFile(CV_RULE, 'native');
    const zeros = result.rows.filter((r) => r.estimate === 0);
    expect(zeros.length).toBeGreaterThan(0);
    expect(zeros.map((r) => [r.se, r.cv, r.flag])).toEqual(zeros.map(() => [0, null, 'ok']));
    for (const r of result.rows.filter((x) => x.estimate !== null && x.estimate > 0 && x.cv !== null)) {
      expect(r.flag).toBe(r.cv! >= 0.3 ? 'suppressed' : r.cv! >= 0.2 ? 'caution' : 'ok');
    }
  }, 60_000);

  it('the charts\' subtitles say what a star means under it, a coefficient of variation, not few cases (a walk), in each language', async () => {
    const { result } = await runFile(CV_RULE, 'native');
    const lines = (lang: 'en' | 'fr' | 'es') => chartSpecs(result, { lang }).map((c) => JSON.stringify((c.spec as { title?: { subtitle?: string[] } }).title?.subtitle ?? []));
    expect(lines('en').length).toBeGreaterThan(2);
    for (const l of lines('en')) {
      expect(l).toContain('*: suppressed (coefficient of variation of 30 % or more).');
      expect(l).not.toContain('few cases');
    }
    for (const l of lines('fr')) expect(l).toContain('* : non publié (coefficient de variation de 30 % ou plus).');
    for (const l of lines('es')) expect(l).toContain('*: suprimido (coeficiente de variación de 30 % o más).');
  }, 60_000);
});
