import { beforeAll, describe, expect, it } from 'vitest';
import { workbookBytes } from '../../analysis/export/excel.js';
import { t } from '../../analysis/export/i18n.js';
import { reportHtml, type ReportChart } from '../../analysis/export/report.js';
import { rScript } from '../../analysis/export/rscript.js';
import { stataDo } from '../../analysis/export/stata.js';
import { chartSpecs } from '../../analysis/present/chartSpecs.js';
import { samplingErrors } from '../../analysis/present/samplingErrors.js';
import { standardTable } from '../../analysis/present/standardTable.js';
import type { TableModel } from '../../analysis/present/tableModel.js';
import { expectGolden, expectGoldenJson, htmlOutline, LFS, MICS, REFERENCE, runForExport, workbookJson, type Run } from './helpers.js';

/**
 * Golden files (test/fixtures/golden/): a table and the charts once, as the presentation layer makes
 * them (every medium draws those: test/present/media.test.ts checks that they agree); then what only
 * a medium adds: the workbook's layout and number formats, the report's structure, key figures and
 * metadata, the R script and Stata do-file as text. Any change shows in `git diff` of these files.
 * UPDATE_GOLDEN=1 rewrites them.
 *
 * The MICS sample is run with small-cell thresholds raised (suppressed below 500 cases, parentheses
 * below 1000), so that the goldens show both flags; the sample's own thresholds flag nothing.
 */
const FLAGS = { smallCell: { rule: 'mics-dhs', suppressBelow: 500, parenthesesBelow: 1000 } };
/** A table model as text: title, headers, one line per row (label | cells), notes. */
const tableText = (x: TableModel) => ({
  title: x.title,
  subtitle: x.subtitle,
  header: [x.stub, ...x.groups.map((g) => `${g.label}: ${g.columns.map((c) => c.label).join(' | ')}`)],
  lines: x.lines.map((l) => (l.kind === 'group' ? `# ${l.label}` : [l.label, ...l.cells.map((c) => `${c.text}${c.strong ? '!' : ''}`)].join(' | '))),
  footnotes: x.footnotes.map((n) => `${n.id}: ${n.text}`),
});
/** The report's outline without its tables' cells (the table golden has them): captions only. */
const reportOutline = (html: string) => {
  const { tables, ...rest } = htmlOutline(html) as { tables: { caption: string }[] };
  return { ...rest, tables: tables.map((x) => x.caption) };
};
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

  it('a table once (MICS sample with flags, English): the standard table of GE 2020 child labour and the sampling errors', () => {
    expectGoldenJson('mics6.table.json', {
      table: tableText(standardTable(mics.result, 'en', 'ilo_ge2020', 'child_labour', { sourceName: mics.meta.source.file })!),
      samplingErrors: tableText(samplingErrors(mics.result, 'en')!),
    });
  });

  it('Excel workbook (MICS sample, English): contents, one table sheet, the first framework’s sampling errors and metadata in full; the other sheets by name', async () => {
    const bytes = await workbookBytes(mics.result, mics.meta, { lang: 'en' });
    const full = [t('en', 'sheet.contents'), '2 CL ilo_ge2020', `${t('en', 'sheet.samplingErrors')} ilo_ge2020`, t('en', 'sheet.metadata')];
    expectGoldenJson('mics6.xlsx.json', await workbookJson(bytes, [t('en', 'sheet.long'), t('en', 'sheet.gaps')], (name) => full.includes(name)));
  });

  it('HTML report outline (MICS English, LFS French): headings, key figures, captions, figures, metadata', () => {
    expectGoldenJson('mics6.report.en.json', reportOutline(reportHtml(mics.result, mics.meta, { lang: 'en', charts: placeholders(mics, 'en') })));
    expectGoldenJson('lfs.report.fr.json', reportOutline(reportHtml(lfs.result, lfs.meta, { lang: 'fr', charts: placeholders(lfs, 'fr') })));
  });

  it('R scripts (both samples and the reference analysis)', () => {
    expectGolden('mics6.R', rScript(mics.result.analysis, mics.meta));
    expectGolden('lfs.R', rScript(lfs.result.analysis, lfs.meta));
    expectGolden('reference.R', rScript(ref.result.analysis, ref.meta));
  });

  it('Stata do-file (MICS sample; not run: Stata is not available)', () => {
    const text = stataDo(mics.result.analysis, mics.meta);
    expectGolden('mics6.do', text);
    // Stata's inlist() takes at most 10 arguments with strings: every call the do-file writes keeps within them.
    const lists = [...text.matchAll(/inlist\(([^()]*)\)/g)].map((m) => m[1]!.split(/,\s*/).length);
    expect(lists.length).toBeGreaterThan(10);
    expect(Math.max(...lists)).toBeLessThanOrEqual(10);
  });

  it('the charts once (MICS English with flags and the GE 2020 reference line for Africa)', () => {
    expectGoldenJson('mics6.charts.en.json', chartSpecs(mics.result, { lang: 'en', reference: 'africa' }));
  });
});
