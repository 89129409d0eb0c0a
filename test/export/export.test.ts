import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../analysis/cli/main.js';
import { NUMBER_FORMATS, sheetName, workbookBytes } from '../../analysis/export/excel.js';
import { t } from '../../analysis/export/i18n.js';
import { sha256Hex } from '../../analysis/export/metadata.js';
import { exportDate, findBrowser, parseExportArgs, pngWithDpi, renderSvg } from '../../analysis/export/node.js';
import { reportHtml, scopeSvgIds } from '../../analysis/export/report.js';
import { chartSpecs } from '../../analysis/present/chartSpecs.js';
import { metadataWords } from '../../analysis/present/metadataWords.js';
import { PALETTE } from '../../analysis/present/palette.js';
import { standardTables } from '../../analysis/present/standardTable.js';
import { FIXED_DATE, LFS, MICS, ROOT, runForExport, type Run } from './helpers.js';

const FLAGS = { smallCell: { rule: 'mics-dhs', suppressBelow: 300, parenthesesBelow: 600 } };

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/** CIE L* of a colour: how light it prints in greyscale. */
function lightness(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
}

describe('exports of a run', () => {
  let mics: Run;
  let flagged: Run;
  let suppressing: Run;
  beforeAll(async () => {
    [mics, flagged, suppressing] = await Promise.all([
      runForExport(MICS),
      runForExport(MICS, FLAGS),
      runForExport(MICS, { smallCell: { rule: 'mics-dhs', suppressBelow: 1000, parenthesesBelow: 1100 } }),
    ]);
  });

  describe('metadata block', () => {
    it('states source, hash, rows, design, every framework threshold and list, policies, CI, small-cell rule, app and date', () => {
      const m = mics.meta;
      expect(m.source).toMatchObject({ file: 'mics6_synthetic_fs.csv', rowsRead: 6423, rowsUsed: 6141 });
      expect(m.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(m.design).toMatchObject({ weight: 'fsweight', stratum: 'stratum', psu: 'HH1', strata: 12, psus: 189, df: 177 });
      expect(m.createdAt).toBe(FIXED_DATE);
      expect(m.options).toMatchObject({ missingHours: 'mics', lonelyPsu: 'adjust', ci: 'logit', level: 0.95 });
      const text = metadataWords(m, 'en').map((r) => `${r.section} | ${r.label} | ${r.value}`).join('\n');
      for (const s of ['SHA-256', 'fsweight', '12, 189, 177', 'adjust', 'logit', '6224, 7112, 7212, 8111, 9311, 9312, 9612', '5, 6, 7, 8, 9, 41, 42, 43', 'at least 43 hours', 'at least 14 hours', 'at least 21 hours', 'Child Labour Survey Statistics 0.1.0', FIXED_DATE, 'fewer than 25 unweighted cases']) {
        expect(text).toContain(s);
      }
      expect(metadataWords(m, 'fr').map((r) => r.label)).toContain('SHA-256 du fichier de données');
      // The app's name as the screen gives it in the reader's language (a walk: the English name in French exports).
      expect(metadataWords(m, 'fr').map((r) => r.value)).toContain('Statistiques du travail des enfants 0.1.0');
      expect(metadataWords(m, 'es').map((r) => r.value)).toContain('Estadísticas de encuestas de trabajo infantil 0.1.0');
      expect(m.app.name).toBe('Child Labour Survey Statistics');
    });

    it('sha256Hex (Web Crypto, for the app) agrees with the command line hash', async () => {
      const bytes = readFileSync(mics.dataPath);
      expect(await sha256Hex(new Uint8Array(bytes))).toBe(mics.meta.source.sha256);
    });
  });

  describe('tables', () => {
    it('rows are background characteristics, columns boys, girls, total; "–" where the analysis has no breakdown', () => {
      const [table] = standardTables(mics.result, 'en');
      // The age group spanning the framework's ages (5-17) repeats the total row and is left out.
      expect(table!.lines.map((l) => l.label).slice(0, 7)).toEqual(['Total', 'Age group', '5-11 years', '12-14 years', '15-17 years', '5-14 years', 'Region']);
      const total = table!.lines[0]!.rows;
      expect(total.total!.breakdown).toBe('total');
      expect(total.male!.cell.sex).toBe('1');
      const urban = table!.lines.find((l) => l.dim === 'area' && l.code === '1')!;
      expect(urban.rows.total).not.toBeNull();
      expect(urban.rows.male).toBeNull(); // no area x sex breakdown in the sample
      expect(urban.cells[0]!.text).toBe('–');
      expect(table!.footnotes.map((n) => n.text).join(' ')).toMatch(/not estimated/);
    });
  });

  describe('Excel', () => {
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await workbookBytes(suppressing.result, suppressing.meta, { lang: 'en' })) as unknown as ArrayBuffer);
    });

    it('has a contents sheet, a sheet per table, the long sheets and a metadata sheet', () => {
      const names = wb.worksheets.map((w) => w.name);
      expect(names[0]).toBe('Contents');
      expect(names).toContain('Metadata');
      expect(names).toContain('All estimates');
      expect(names.filter((n) => /^\d+ /.test(n))).toHaveLength(20); // 5 frameworks x 4 indicators
      expect(names.every((n) => n.length <= 31)).toBe(true);
      const meta = wb.getWorksheet('Metadata')!;
      const values: string[] = [];
      meta.eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
      expect(values).toContain(suppressing.meta.source.sha256);
    });

    it('stores numbers as numbers with display formats: (…) for caution, * for suppressed', () => {
      const ws = wb.worksheets[1]!;
      const kinds = { ok: 0, caution: 0, suppressed: 0 };
      ws.eachRow((row, r) => {
        if (r < 6) return;
        for (const c of [2, 7, 12]) { // the estimate of boys, girls and total (then CI low, CI high, SE, n)
          const est = row.getCell(c);
          if (typeof est.value === 'number') {
            expect([NUMBER_FORMATS.percent, NUMBER_FORMATS.percentCaution]).toContain(est.numFmt);
            kinds[est.numFmt === NUMBER_FORMATS.percent ? 'ok' : 'caution']++;
            expect(row.getCell(c + 4).numFmt).toBe(NUMBER_FORMATS.count);
          } else if (est.value === '*') {
            kinds.suppressed++;
            expect(row.getCell(c + 1).value).toBe('–'); // the interval of a suppressed figure is withheld
            expect(typeof row.getCell(c + 4).value).toBe('number'); // its n is shown
          }
        }
      });
      expect(kinds.ok).toBeGreaterThan(0);
      expect(kinds.caution).toBeGreaterThan(0);
      expect(kinds.suppressed).toBeGreaterThan(0);
      // the national total, boys: the core's estimate in percent, not a rounded text
      const row = suppressing.result.rows.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'children_in_employment' && r.breakdown === 'sex' && r.cell.sex === '1')!;
      expect(ws.getCell('B6').value).toBeCloseTo(row.estimate! * 100, 10);
      expect(String(ws.getCell('A4').value)).toBe('Background characteristic');
      expect(ws.getCell('B4').value).toBe('Boys');
    });
  });

  it('stores a p-value below 0.001 as its number, shown "<0.001" (French "<0,001") by its format; others as 0.000', async () => {
    for (const [lang, below] of [['en', '"<0.001"'], ['fr', '"<0,001"']] as const) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await workbookBytes(suppressing.result, suppressing.meta, { lang })) as unknown as ArrayBuffer);
      const p = { below: 0, above: 0 };
      for (const ws of book.worksheets) {
        ws.eachRow((row) => row.eachCell((c) => {
          if (c.numFmt === below) {
            expect(typeof c.value === 'number' && c.value >= 0 && c.value < 0.001, `${ws.name} ${c.address}`).toBe(true);
            p.below++;
          } else if (c.numFmt === NUMBER_FORMATS.p && typeof c.value === 'number' && c.value >= 0.001) p.above++;
          expect(String(c.value), `${ws.name} ${c.address}`).not.toMatch(/^<0[.,]001$/);
        }));
      }
      expect(p.below).toBeGreaterThan(0);
      expect(p.above).toBeGreaterThan(0);
    }
  });

  describe('charts', () => {
    it('compile with Vega-Lite and render to SVG headlessly; intervals are the core\'s, never a ci aggregate', async () => {
      const specs = chartSpecs(flagged.result, { lang: 'en' });
      expect(specs.map((c) => c.id)).toEqual(['sex_age', 'regions', 'areas', 'hazardous', 'background_school_attendance', 'background_wealth_quintile']);
      const text = JSON.stringify(specs);
      expect(text).not.toMatch(/"ci0"|"ci1"|"extent":"ci"|"errorbar"|"errorband"/);
      for (const c of specs) vl.compile(c.spec as unknown as vl.TopLevelSpec);
      const svgs = await renderSvg(specs);
      for (const s of svgs) expect(s.svg).toMatch(/^<svg/);
      const sexAge = specs[0]!.spec as { data: { values: { group: string; series: string; lo: number; hi: number; flag: string; label: string; pct: number | null }[] } };
      const boys511 = sexAge.data.values.find((d) => d.group === '5-11 years' && d.series === 'Boys')!;
      const row = flagged.result.rows.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'sex_x_age_group' && r.cell.sex === '1' && r.cell.age_group === '5-11')!;
      expect(boys511.lo).toBeCloseTo(row.ci_low! * 100, 12);
      expect(boys511.hi).toBeCloseTo(row.ci_high! * 100, 12);
      const caution = sexAge.data.values.find((d) => d.flag === 'caution')!;
      expect(caution.label).toMatch(/^\(.*\)$/);
      expect(text).toContain("datum.flag === 'caution'");
    });

    it('draws suppressed figures as * with no bar', () => {
      const regions = chartSpecs(suppressing.result, { lang: 'en' }).find((c) => c.id === 'regions')!.spec as { layer: { data: { values: { group: string; flag: string; pct: number | null; label: string }[] } }[] };
      const values = regions.layer[0]!.data.values;
      const suppressed = values.filter((d) => d.flag === 'suppressed');
      expect(suppressed.length).toBeGreaterThan(0);
      for (const d of suppressed) expect([d.pct, d.label]).toEqual([null, '*']);
      // ranked: shown figures from highest to lowest, suppressed ones last
      const order = values.map((d) => d.pct);
      const shown = order.filter((x): x is number => x !== null);
      expect(shown).toEqual([...shown].sort((a, b) => b - a));
      expect(order.slice(shown.length).every((x) => x === null)).toBe(true);
    });

    it('uses colour-blind-safe colours that stay apart in greyscale', () => {
      const l = [PALETTE.total, PALETTE.male, PALETTE.female].map(lightness);
      expect(l[1]! - l[0]!).toBeGreaterThan(20);
      expect(l[2]! - l[1]!).toBeGreaterThan(20);
      expect(lightness(PALETTE.other) - lightness(PALETTE.hazardous)).toBeGreaterThan(20);
    });

    it('French specs use French labels and number format', () => {
      const fr = chartSpecs(mics.result, { lang: 'fr' });
      expect(fr[0]!.title).toBe("Travail des enfants selon le sexe et le groupe d'âge");
      expect(JSON.stringify(fr[0]!.spec)).toContain('"decimal":","');
    });

    it('a screen reader hears each bar in the chart\'s language, as its tooltip says it, and no field name of the data', async () => {
      const svgs = await renderSvg(chartSpecs(mics.result, { lang: 'fr' }));
      for (const { svg } of svgs) {
        const labels = [...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!);
        const bars = labels.filter((l) => /; %: /.test(l));
        expect(bars.length).toBeGreaterThan(0);
        // Vega's own texts: "lo: 12.5; hi: 14.1; series: Boys", "X-axis titled ...".
        expect(labels.filter((l) => /(^|; )(lo|hi|at|pct|series|group|part|label):|axis titled|legend titled/.test(l))).toEqual([]);
      }
      const sexAge = svgs[0]!.svg;
      expect(sexAge).toMatch(/aria-label="[^"]+; Groupe: Garçons; %: \(?\d+,\d\)?; IC à 95 %: [^"]+; Effectif non pondéré: \d/);
      // The stacked hazardous chart: the rest of child labour's segment says child labour's figure, named so, not "other" (a walk).
      const hazardous = svgs.find((s) => s.id === 'hazardous')!.svg;
      expect(hazardous).not.toContain(`Groupe: ${t('fr', 'chart.part.other')}; %`);
      expect(hazardous).toMatch(/aria-label="Garçons; Groupe: Travail des enfants; %: /);
      // What each bar is, in French; the title is in the chart's description, its own Vega text ("Title text") hidden.
      for (const { svg } of svgs) {
        expect(svg).toContain('aria-roledescription="barre"');
        expect(svg).not.toContain('aria-roledescription="bar"');
        expect(svg).toMatch(/<g class="mark-group role-title" aria-hidden="true">/);
      }
      // n as the tables write it: Spanish writes four digits without a separator (a walk: "1.795" beside the tables' "1795").
      const es = (await renderSvg(chartSpecs(mics.result, { lang: 'es' }))).flatMap(({ svg }) => [...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!));
      const counts = es.flatMap((l) => /n no ponderado: ([\d.]+)$/.exec(l)?.[1] ?? []);
      expect(counts.some((c) => /^\d{4}$/.test(c))).toBe(true);
      expect(counts.filter((c) => /^\d\.\d{3}$/.test(c))).toEqual([]);
    });
  });

  describe('report', () => {
    it('is one self-contained HTML file that prints cleanly, in English and French', () => {
      for (const lang of ['en', 'fr'] as const) {
        const html = reportHtml(flagged.result, flagged.meta, { lang, charts: [{ id: 'x', title: 'X', svg: '<svg id="a"><clipPath id="c1"/><g clip-path="url(#c1)"/></svg>' }] });
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).not.toMatch(/<script|<link|@import|src="|url\((?!#)|href="(?!#)/);
        expect(html).toMatch(/@media print[\s\S]*break-before: page[\s\S]*break-inside: avoid/);
        expect(html).toContain('display: table-header-group');
        expect(html).toContain('url(#chart-x-c1)'); // ids scoped per chart
        expect(html).toContain(flagged.meta.source.sha256!);
        expect(html).toContain(t(lang, 'methods.design.h'));
      }
    });

    it('shows the key figures by sex with their intervals', () => {
      const html = reportHtml(mics.result, mics.meta, { lang: 'en' });
      const cl = mics.result.rows.find((r) => r.framework === 'ilo_ge2020' && r.indicator === 'child_labour' && r.breakdown === 'total')!;
      const card = /<div class="card" data-indicator="child_labour">([\s\S]*?)\n<\/div>/.exec(html)![1]!;
      expect(card).toContain(`${(cl.estimate! * 100).toFixed(1)}\u00a0%`);
      expect(card).toContain(`[${(cl.ci_low! * 100).toFixed(1)}–${(cl.ci_high! * 100).toFixed(1)}]`);
      expect(card).toMatch(/Boys: <b>[\d.]+\u00a0%<\/b>/);
      expect(card).toMatch(/Girls: <b>[\d.]+\u00a0%<\/b>/);
    });

    it('puts each statistics table in a box of its own that scrolls sideways and takes the keyboard focus (the sampling errors are wider than a page)', () => {
      const html = reportHtml(mics.result, mics.meta, { lang: 'en' });
      const tables = html.match(/<table class="stat"/g)!.length;
      const boxed = [...html.matchAll(/<div class="table-scroll" tabindex="0" role="region" aria-label="([^"]+)">\n<table class="stat"/g)].map((m) => m[1]!);
      expect(boxed).toHaveLength(tables);
      expect(boxed.some((l) => l.startsWith('Sampling errors'))).toBe(true);
      expect(html).toContain('.table-scroll { overflow-x: auto; }');
    });

    it('scopeSvgIds leaves references to other ids alone', () => {
      expect(scopeSvgIds('<svg><g id="a"/><use href="#a"/><use href="#b"/></svg>', 'p')).toBe('<svg><g id="p-a"/><use href="#p-a"/><use href="#b"/></svg>');
    });
  });
});

describe('clstats export', () => {
  it('writes every export of the LFS sample, with the same metadata block in each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-export-'));
    const f = (n: string) => join(dir, n);
    const r = await cli('export', LFS, '--xlsx', f('t.xlsx'), '--csv', f('t.csv'), '--json', f('t.json'), '--html', f('r.html'), '--r', f('a.R'),
      '--stata', f('a.do'), '--vega', f('vega'), '--svg', f('svg'), '--lang', 'fr', '--date', '2025-03-01T10:00:00Z', '--quiet');
    expect(r.code, r.err).toBe(0);
    for (const n of ['t.xlsx', 't.csv', 't.csv.metadata.json', 't.json', 'r.html', 'a.R', 'a.do']) expect(existsSync(f(n)), n).toBe(true);
    // The LFS sample names its school column as school attendance: its chart follows the standard four.
    expect(readdirSync(f('svg')).sort()).toEqual(['areas.svg', 'background_school_attendance.svg', 'hazardous.svg', 'regions.svg', 'sex_age.svg']);
    expect(readdirSync(f('vega')).sort()).toEqual(['areas.vl.json', 'background_school_attendance.vl.json', 'hazardous.vl.json', 'regions.vl.json', 'sex_age.vl.json']);
    expect(readFileSync(f('svg/background_school_attendance.svg'), 'utf8')).toContain('Travail des enfants selon : fréquentation scolaire');
    const sidecar = JSON.parse(readFileSync(f('t.csv.metadata.json'), 'utf8'));
    const json = JSON.parse(readFileSync(f('t.json'), 'utf8'));
    expect(json.metadata.export).toEqual(sidecar);
    expect(sidecar.createdAt).toBe('2025-03-01T10:00:00.000Z');
    expect(readFileSync(f('t.csv'), 'utf8').startsWith('framework,indicator,breakdown,')).toBe(true); // plain CSV, no comment lines
    const html = readFileSync(f('r.html'), 'utf8');
    expect(html).toContain(sidecar.source.sha256);
    expect((html.match(/<svg/g) ?? []).length).toBe(5);
    expect(html).toContain('<figure id="chart-background_school_attendance">');
    expect(readFileSync(f('a.R'), 'utf8')).toContain('library(survey)');
  }, 120_000);

  it('--stata: a file set is refused (the R script joins it); a .sav is read by import spss with its numbers as text; the universe and positive weights make the scope', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-stata-'));
    const set = await cli('export', join(ROOT, 'sample-data/mics6_fileset.analysis.json'), '--stata', join(dir, 'set.do'), '--quiet');
    expect(set.code).toBe(2);
    expect(set.err).toContain('--stata reads one data file, and this analysis joins others: export the R script (--r)');
    expect(existsSync(join(dir, 'set.do'))).toBe(false);
    const formats = join(ROOT, 'test/fixtures/import/formats');
    const a = JSON.parse(readFileSync(join(formats, 'survey.analysis.json'), 'utf8'));
    writeFileSync(join(dir, 'sav.analysis.json'), JSON.stringify({ ...a, data: { path: join(formats, 'survey.sav') }, mapping: { ...a.mapping, universe: { column: 'school', keep: ['1'] } } }));
    const sav = await cli('export', join(dir, 'sav.analysis.json'), '--stata', join(dir, 'sav.do'), '--quiet');
    expect(sav.code, sav.err).toBe(0);
    const text = readFileSync(join(dir, 'sav.do'), 'utf8');
    expect(text).toContain('import spss using `"`datafile\'"\', clear');
    expect(text).toContain('quietly tostring `v\', replace force format(%24.17g)');
    expect(text).not.toMatch(/^import delimited/m);
    expect(text).toContain('quietly gen strL _u = ustrregexra(school, "^[ \\x{00A0}\\x{2007}\\x{202F}\\x{FEFF}]+|[ \\x{00A0}\\x{2007}\\x{202F}\\x{FEFF}]+$", "")\nquietly replace _u = "" if ustrregexm(_u, "^[.][a-z]$")\nquietly replace _u = ustrregexs(1) if ustrregexm(_u, "^(-?[0-9]+)\\.0+$")\nquietly gen byte _in = _u == `"1"\' | _u == `"1."\' | _u == `"1.0"\' | _u == `"1.00"\' | _u == `"1.000"\' | _u == `"01"\' | _u == `"001"\' | _u == `"0001"\'\ndrop _u');
    expect(text).toContain('quietly replace _in = 0 if !(w > 0 & w < .)');
  }, 60_000);

  it('--stata: a semicolon file with decimal commas is read with the delimiter the app detected, its "514,80" weights as 514.80', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-stata-semi-'));
    const r = await cli('export', join(ROOT, 'test/fixtures/no-number/lfs_1252.analysis.json'), '--stata', join(dir, 'a.do'), '--quiet');
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(join(dir, 'a.do'), 'utf8');
    // Stata's import delimited alone tells only tab from comma: every line would be one column.
    expect(text).toContain('import delimited using `"`datafile\'"\', delimiters(`";"\') stringcols(_all)');
    expect(text).toContain('encoding("windows-1252")');
    expect(text).toContain('  quietly replace `v\' = subinstr(ustrtrim(`v\'), ",", ".", 1) if ustrregexm(ustrtrim(`v\'), `"^[-+]?(\\d+(,\\d*)?|,\\d+)\\$"\')');
  }, 60_000);

  it('usage errors exit 2; --help prints the export options', async () => {
    expect((await cli('export', LFS)).code).toBe(2);
    expect((await cli('export', LFS, '--xlsx', 'x.xlsx', '--lang', 'de')).code).toBe(2);
    expect((await cli('export', '--help')).out).toContain('--png DIR');
    expect(() => parseExportArgs([LFS, '--png', 'd', '--dpi', '20'])).toThrow();
  });

  it('takes the date from --date, else SOURCE_DATE_EPOCH', () => {
    expect(exportDate('2025-01-02T03:04:05Z').toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(exportDate(undefined, { SOURCE_DATE_EPOCH: '86400' }).toISOString()).toBe('1970-01-02T00:00:00.000Z');
  });

  const browser = findBrowser();
  if (!browser) console.warn('NOTICE: no Chrome, Chromium or Edge found: the PNG export test is SKIPPED.');
  it.skipIf(!browser)('--png writes print-resolution PNGs stamped with their dpi', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-png-'));
    const r = await cli('export', MICS, '--png', dir, '--dpi', '300', '--quiet');
    expect(r.code, r.err).toBe(0);
    const png = new Uint8Array(readFileSync(join(dir, 'sex_age.png')));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const view = new DataView(png.buffer, png.byteOffset);
    const width = view.getUint32(16);
    const svgWidth = Number(/width="(\d+)"/.exec((await renderSvg(chartSpecs((await runForExport(MICS)).result).slice(0, 1)))[0]!.svg)![1]);
    expect(Math.abs(width - Math.round((svgWidth * 300) / 96))).toBeLessThanOrEqual(2);
    const at = Buffer.from(png).indexOf('pHYs');
    expect(at).toBeGreaterThan(0);
    expect(view.getUint32(at + 4)).toBe(Math.round(300 / 0.0254));
  }, 120_000);

  it('pngWithDpi replaces an existing pHYs chunk', () => {
    // 1x1 grey PNG
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'));
    const once = pngWithDpi(png, 150);
    const twice = pngWithDpi(once, 300);
    expect(twice.length).toBe(once.length);
    expect(Buffer.from(twice).indexOf('pHYs')).toBe(Buffer.from(once).indexOf('pHYs'));
    expect(Buffer.from(twice).lastIndexOf('pHYs')).toBe(Buffer.from(twice).indexOf('pHYs'));
  });
});

// vega is imported so that the test fails loudly if it is missing (the command line loads it lazily).
void vega.version;

describe('sheet names', () => {
  it('keep the framework id whole and cut the words before it at a word, so no two sheets look alike (Excel allows 31 characters)', () => {
    const used = new Set<string>();
    const names = [['Errores de muestreo', 'sdg_871_econ'], ['Errores de muestreo', 'sdg_871'], ['Sampling errors', 'ilo_ge2020_chores'], ['Sampling errors', 'ilo_ge2020']]
      .map(([w, k]) => sheetName(w!, used, k));
    expect(names).toEqual(['Errores de sdg_871_econ', 'Errores de muestreo sdg_871', 'Sampling ilo_ge2020_chores', 'Sampling errors ilo_ge2020']);
    expect(sheetName('x', used, 'a_very_long_framework_identifier_beyond')).toHaveLength(31);
    // A first word longer than the room left: cut, the id whole.
    expect(sheetName('Sampling errors', used, 'my_custom_framework_2024')).toBe('Sampli my_custom_framework_2024');
    // The same name twice: numbered.
    expect(sheetName('Errores de muestreo', used, 'sdg_871')).toBe('Errores de muestreo sdg_871~2');
  });
});
