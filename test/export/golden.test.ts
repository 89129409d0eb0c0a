import { beforeAll, describe, it } from 'vitest';
import { chartSpecs } from '../../analysis/export/charts.js';
import { workbookBytes } from '../../analysis/export/excel.js';
import { t } from '../../analysis/export/i18n.js';
import { reportHtml, type ReportChart } from '../../analysis/export/report.js';
import { rScript } from '../../analysis/export/rscript.js';
import { stataDo } from '../../analysis/export/stata.js';
import { expectGolden, expectGoldenJson, htmlOutline, LFS, MICS, REFERENCE, runForExport, workbookJson, type Run } from './helpers.js';

/**
 * Golden files (test/fixtures/golden/): the Excel layout read back with exceljs, the report's
 * structure and numbers, the R script and Stata do-file as text, and the Vega-Lite specs. Any change
 * to an export shows in `git diff` of these files. UPDATE_GOLDEN=1 rewrites them.
 *
 * The MICS sample is run with small-cell thresholds raised (suppressed below 500 cases, parentheses
 * below 1000), so that the goldens show both flags; the sample's own thresholds flag nothing.
 */
const FLAGS = { smallCell: { rule: 'mics-dhs', suppressBelow: 500, parenthesesBelow: 1000 } };
/** Charts enter the report as placeholders: the report's golden does not depend on vega's SVG. */
const placeholders = (run: Run, lang: 'en' | 'fr'): ReportChart[] =>
  chartSpecs(run.result, { lang }).map((c) => ({ id: c.id, title: c.title, svg: `<svg xmlns="http://www.w3.org/2000/svg" id="placeholder"><text>${c.id}</text></svg>` }));

describe('golden files', () => {
  let mics: Run;
  let lfs: Run;
  let ref: Run;
  beforeAll(async () => {
    [mics, lfs, ref] = await Promise.all([runForExport(MICS, FLAGS), runForExport(LFS), runForExport(REFERENCE)]);
  });

  it('Excel workbook (MICS sample, English): every table sheet, the metadata sheet, the long sheets summarised', async () => {
    const bytes = await workbookBytes(mics.result, mics.meta, { lang: 'en' });
    expectGoldenJson('mics6.xlsx.json', await workbookJson(bytes, [t('en', 'sheet.long'), t('en', 'sheet.gaps')]));
  });

  it('Excel workbook (LFS sample, French, no SE column)', async () => {
    const bytes = await workbookBytes(lfs.result, lfs.meta, { lang: 'fr', se: false });
    expectGoldenJson('lfs.fr.xlsx.json', await workbookJson(bytes, [t('fr', 'sheet.long'), t('fr', 'sheet.gaps')]));
  });

  it('HTML report outline (MICS English, LFS French)', () => {
    expectGoldenJson('mics6.report.en.json', htmlOutline(reportHtml(mics.result, mics.meta, { lang: 'en', charts: placeholders(mics, 'en') })));
    expectGoldenJson('lfs.report.fr.json', htmlOutline(reportHtml(lfs.result, lfs.meta, { lang: 'fr', charts: placeholders(lfs, 'fr') })));
  });

  it('R scripts (both samples and the reference analysis)', () => {
    expectGolden('mics6.R', rScript(mics.result.analysis, mics.meta));
    expectGolden('lfs.R', rScript(lfs.result.analysis, lfs.meta));
    expectGolden('reference.R', rScript(ref.result.analysis, ref.meta));
  });

  it('Stata do-file (MICS sample; not run: Stata is not available)', () => {
    expectGolden('mics6.do', stataDo(mics.result.analysis, mics.meta));
  });

  it('Vega-Lite specs (MICS English with flags, LFS French)', () => {
    expectGoldenJson('mics6.charts.en.json', chartSpecs(mics.result, { lang: 'en' }));
    expectGoldenJson('lfs.charts.fr.json', chartSpecs(lfs.result, { lang: 'fr' }));
  });
});
