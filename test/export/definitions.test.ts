import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../../analysis/analysisFile.js';
import { main } from '../../analysis/cli/main.js';
import { workbookBytes } from '../../analysis/export/excel.js';
import { buildMetadata } from '../../analysis/export/metadata.js';
import { renderSvg } from '../../analysis/export/node.js';
import { reportHtml } from '../../analysis/export/report.js';
import { fwChanges } from '../../analysis/export/statements.js';
import { preset, resolveFramework } from '../../analysis/frameworks.js';
import { chartSpecs } from '../../analysis/present/chartSpecs.js';
import { metadataWords } from '../../analysis/present/metadataWords.js';
import { standardTables } from '../../analysis/present/standardTable.js';
import type { AgeBand } from '../../analysis/types.js';
import { FIXED_DATE, MICS, runForExport, type Run } from './helpers.js';

/**
 * Issue 10, "definitions stay honest": an edited preset is a national variant with its own name,
 * "based on" the published one with its changes listed; hazardous work is not presented as part of
 * SDG 8.7.1; and every export states the universe, the cluster choice and the missing-hours policy.
 */
const PUBLISHED = 'SDG 8.7.1 including household chores (MICS6 PR.3.3)';
const MODIFIED = `${PUBLISHED} - modified`;
const CHANGE = 'ages 5-14, household chores: 21 h or more → 28 h or more';
const UNIVERSE = 'Universe: FS17 = 1';
const NO_CLUSTERS = 'No clusters: the design treats every child as its own sampling unit';
const MICS_HOURS = "Missing hours (MICS convention): don't-know or missing hours count as 0";

/** sdg_871 with chores from 28 hours at ages 5-14 (the rule of MICS rounds before 2019). */
const chores28 = (): AgeBand[] => preset('sdg_871').bands.map((b) => (b.chores ? { ...b, chores: { min: 28 } } : b));

describe('resolution of edited presets', () => {
  it('names an edited preset "<preset> - modified", id <preset>_modified, based on the published one, with its changes', () => {
    const fw = resolveFramework({ preset: 'sdg_871', edit: { bands: chores28() } });
    expect(fw.id).toBe('sdg_871_modified');
    expect(fw.name).toBe(MODIFIED);
    expect(fw.basedOn).toEqual({ id: 'sdg_871', name: PUBLISHED });
    // 5-11 and 12-14 change alike: one line for ages 5-14, as tables print them
    expect(fw.changes).toEqual([{ field: 'ages 5-14, household chores', from: '>= 21 h', to: '>= 28 h' }]);
  });

  it('keeps the user\'s id and name; an edit that changes nothing is the published preset', () => {
    const own = resolveFramework({ preset: 'sdg_871', id: 'nat_2019', name: 'National 2019', edit: { bands: chores28() } });
    expect([own.id, own.name, own.basedOn?.name]).toEqual(['nat_2019', 'National 2019', PUBLISHED]);
    const same = resolveFramework({ preset: 'sdg_871', edit: { bands: preset('sdg_871').bands } });
    expect([same.id, same.name, same.basedOn, same.changes]).toEqual(['sdg_871', PUBLISHED, undefined, undefined]);
    const renamed = resolveFramework({ preset: 'sdg_871', name: 'Our SDG' });
    expect([renamed.basedOn?.id, renamed.changes]).toEqual(['sdg_871', []]);
  });

  it('lists a change of comparison, long hours and hazards rule by rule', () => {
    const fw = resolveFramework({ preset: 'ilo_ge2020', edit: { comparison: '>', hazardous: { ...preset('ilo_ge2020').hazardous, longHours: null } } });
    expect(fw.changes!.map((c) => `${c.field}: ${c.from} -> ${c.to}`)).toEqual([
      'default comparison: >= -> >',
      'long hours (hazardous): >= 43 h -> not used',
    ]);
  });

  it('refuses an edited preset that keeps the published id or name', () => {
    expect(() => resolveFramework({ preset: 'sdg_871', id: 'sdg_871', edit: { bands: chores28() } })).toThrow(/id of its own/);
    expect(() => resolveFramework({ preset: 'sdg_871', name: PUBLISHED, edit: { bands: chores28() } })).toThrow(/name of its own/);
  });
});

describe('exports of an edited SDG 8.7.1 on a universe without clusters', () => {
  let run: Run;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    const json = JSON.parse(readFileSync(MICS, 'utf8'));
    const { psu: _psu, psuNestedInStrata: _n, ...mapping } = json.mapping;
    dir = mkdtempSync(join(tmpdir(), 'clstats-definitions-'));
    file = join(dir, 'edited.analysis.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...json,
        data: { ...json.data, path: relative(dir, join(dirname(MICS), json.data.path)) },
        mapping: { ...mapping, noClusters: true, universe: { column: 'FS17', keep: ['1'] } },
        frameworks: [{ preset: 'sdg_871' }, { preset: 'sdg_871', edit: { bands: chores28() } }],
      }),
    );
    run = await runForExport(file);
    // The value labels of the universe's column, as an SPSS file would carry them.
    run.meta = buildMetadata(run.result, { sourceName: 'fs.csv', sourceSha256: null, appVersion: '0.1.0', createdAt: FIXED_DATE, labels: { values: { FS17: { '1': 'Completed', '2': 'Not at home' } } } });
    expect(resolveAnalysis(JSON.parse(readFileSync(file, 'utf8')), file).frameworks.map((f) => f.id)).toEqual(['sdg_871', 'sdg_871_modified']);
  });

  it('metadata block (and so the CSV sidecar and JSON): own name, based on, changes, universe, clusters, missing hours', () => {
    const fw = run.meta.frameworks[1]!;
    expect([fw.name, fw.basedOn?.name]).toEqual([MODIFIED, PUBLISHED]);
    expect(run.meta.design).toMatchObject({ noClusters: true, universe: { column: 'FS17', keep: ['1'], labels: { '1': 'Completed' } } });
    const notes = run.meta.notes.join('\n');
    for (const s of [`${UNIVERSE} (Completed)`, NO_CLUSTERS, 'as the user chose', MICS_HOURS, `Based on ${PUBLISHED}; changed: ${CHANGE}.`]) expect(notes).toContain(s);
    const rows = metadataWords(run.meta, 'en').map((r) => `${r.section} | ${r.label} | ${r.value}`).join('\n');
    expect(rows).toContain(`Framework: sdg_871_modified | Name | ${MODIFIED}`);
    expect(rows).toContain(`Framework: sdg_871_modified | Based on (published definition) | ${PUBLISHED}`);
    expect(rows).toContain(`Framework: sdg_871_modified | Changed from the published definition | ${CHANGE}`);
    expect(rows).toContain('Sample design | Universe | FS17 = 1 (Completed)');
    expect(rows).toContain(`Sample design | Design choice | ${NO_CLUSTERS}`);
  });

  it('Excel: metadata sheet and the notes of every table sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBytes(run.result, run.meta, { lang: 'en' })) as unknown as ArrayBuffer);
    const text = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push(row.values && Array.isArray(row.values) ? row.values.slice(1).join(' | ') : ''));
      return out.join('\n');
    };
    const meta = text('Metadata');
    expect(meta).toContain(`Name | ${MODIFIED}`);
    expect(meta).toContain(`Based on (published definition) | ${PUBLISHED}`);
    expect(meta).toContain(CHANGE);
    const sheets = wb.worksheets.filter((w) => /^\d+ /.test(w.name));
    expect(sheets).toHaveLength(8);
    for (const ws of sheets) {
      const notes = text(ws.name);
      for (const s of [`${UNIVERSE} (Completed)`, NO_CLUSTERS, MICS_HOURS]) expect(notes, ws.name).toContain(s);
      if (ws.name.endsWith('sdg_871_modified')) {
        expect(notes).toContain(`: ${MODIFIED}`);
        expect(notes).toContain(`Based on ${PUBLISHED}; changed: ${CHANGE}.`);
      }
    }
  });

  it('report: header, key figures, tables, charts and methods name the variant, what it is based on and the design', () => {
    const charts = chartSpecs(run.result, { framework: 'sdg_871_modified' }).map((c) => ({ id: c.id, title: c.title, svg: '<svg></svg>' }));
    const html = reportHtml(run.result, run.meta, { lang: 'en', framework: 'sdg_871_modified', charts });
    const plain = html.replace(/&gt;/g, '>').replace(/&#39;/g, "'");
    expect(plain).toContain(`Framework: ${MODIFIED}<br>Based on ${PUBLISHED}; changed: ${CHANGE}.`);
    expect(plain).toMatch(/<figcaption>Child labour by sex and age group\. Framework: SDG 8\.7\.1 including household chores \(MICS6 PR\.3\.3\) - modified\. Based on/);
    for (const s of [`${UNIVERSE} (Completed)`, NO_CLUSTERS, MICS_HOURS, 'with every child as its own sampling unit']) expect(plain).toContain(s);
    expect(plain).not.toContain('Because the sample was drawn in clusters');
  });

  it('French report names the variant in French', () => {
    const html = reportHtml(run.result, run.meta, { lang: 'fr', framework: 'sdg_871_modified' }).replace(/&gt;/g, '>').replace(/&#39;/g, "'");
    expect(html).toContain('ODD 8.7.1, tâches ménagères comprises (MICS6 PR.3.3) - modifié');
    expect(html).toContain('Fondé sur ODD 8.7.1, tâches ménagères comprises (MICS6 PR.3.3) ; modifié : âges 5-14, tâches ménagères : 21 h ou plus → 28 h ou plus.');
    expect(html).toContain('Univers : FS17 = 1 (Completed)');
    expect(html).toContain('Sans grappes');
    // The source of a preset is a citation in the report's language, for the edited variant too.
    expect(html).toContain("Métadonnées de l'indicateur ODD 8.7.1 des Nations Unies (février 2021), série SL_TLF_CHLDEC");
    expect(html).not.toContain('UN SDG indicator metadata');
  });

  it('a preset\'s source in the metadata in the three languages; a source the user wrote is kept as written', () => {
    const source = (lang: 'en' | 'fr' | 'es') => metadataWords(run.meta, lang).filter((r) => r.section.includes('sdg_871_modified')).map((r) => r.value)
      .find((v) => typeof v === 'string' && v.includes('8.7.1') && v.includes('SL_TLF_CHLDEC'));
    expect(source('en')).toMatch(/^UN SDG indicator metadata 8\.7\.1 \(February 2021\)/);
    expect(source('fr')).toMatch(/^Métadonnées de l'indicateur ODD 8\.7\.1/);
    expect(source('es')).toMatch(/^Metadatos del indicador ODS 8\.7\.1 de las Naciones Unidas \(febrero de 2021\)/);
    const own = { ...run.meta, frameworks: run.meta.frameworks.map((f) => ({ ...f, source: 'Ministère du Travail, enquête nationale 2019' })) };
    expect(metadataWords(own, 'es').map((r) => r.value)).toContain('Ministère du Travail, enquête nationale 2019');
  });

  it('charts of the variant say what it is based on; SDG 8.7.1 has no hazardous-work chart', () => {
    const specs = chartSpecs(run.result, { framework: 'sdg_871_modified' });
    const sub = (specs[0]!.spec as { title: { subtitle: string[] } }).title.subtitle;
    expect(sub.slice(0, 3)).toEqual([MODIFIED, `Based on: ${PUBLISHED}`, `Changed: ${CHANGE}`]);
    expect(specs.map((c) => c.id)).not.toContain('hazardous');
    expect(chartSpecs(run.result, { framework: 'sdg_871' }).map((c) => c.id)).not.toContain('hazardous');
    // asked for by name, hazardous work under SDG 8.7.1 is labelled as outside the definition
    const hw = chartSpecs(run.result, { framework: 'sdg_871', indicator: 'hazardous_work' })[0]!;
    expect(hw.title).toBe('Hazardous work (Global Estimates criteria; not part of child labour under this framework) by sex and age group');
  });

  it('a long list of changes wraps in the charts\' subtitles: every line at most 90 characters, nothing left out, the image under 800 px wide', async () => {
    // A walk: "Changed: ..." ran on one line out of the chart card, and a saved PNG was 6,557 px wide.
    const bands = preset('sdg_871').bands.map((b, i) => ({ ...b, from: b.from + (i === 1 ? 1 : 0), to: b.to + (i === 0 ? 1 : 0), ...(b.chores ? { chores: { min: 28 } } : {}) }));
    const edited = resolveFramework({ preset: 'sdg_871', edit: { comparison: '>', bands, hazardous: { ...preset('sdg_871').hazardous, longHours: { op: '>=', min: 40 } } } });
    const analysis = { ...run.result.analysis, frameworks: run.result.analysis.frameworks.map((f) => (f.id === 'sdg_871_modified' ? edited : f)) };
    const long = chartSpecs({ ...run.result, analysis }, { framework: 'sdg_871_modified' });
    const short = chartSpecs(run.result, { framework: 'sdg_871_modified' });
    const sub = (long[0]!.spec as { title: { subtitle: string[] } }).title.subtitle;
    expect(Math.max(...sub.map((l) => l.length))).toBeLessThanOrEqual(90);
    expect(edited.changes!.length).toBeGreaterThanOrEqual(3);
    // Each change in the chart's words (fwChanges), not the stored notation.
    for (const c of fwChanges('en', edited)) expect(sub.join(' ')).toContain(`${c.field}: ${c.from} → ${c.to}`);
    const width = (svg: string) => Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(svg)![1]);
    const [a, b] = [(await renderSvg(long.slice(0, 1)))[0]!.svg, (await renderSvg(short.slice(0, 1)))[0]!.svg];
    expect(width(a)).toBeLessThan(800);
    expect(width(b)).toBeLessThan(800);
  });

  it('report for SDG 8.7.1: no unlabelled "Hazardous work" key figure; tables label it', () => {
    const html = reportHtml(run.result, run.meta, { lang: 'en', framework: 'sdg_871' });
    const cards = [...html.matchAll(/<div class="card" data-indicator="(\w+)">\n<div class="name">([^<]*)<\/div>/g)].map((m) => [m[1], m[2]]);
    expect(cards).toEqual([['child_labour', 'Child labour'], ['children_in_employment', 'Children in employment']]);
    expect(html).toContain('Hazardous work is not part of child labour under this framework');
    const titles = standardTables(run.result, 'en').map((t) => t.title);
    expect(titles).toContain('Table 3. Hazardous work (Global Estimates criteria; not part of child labour under this framework): SDG 8.7.1 including household chores (MICS6 PR.3.3)');
    expect(titles.filter((t) => /Hazardous work(?! \()/.test(t.replace(/other than hazardous work \(hazardous work by/, '')))).toEqual([]);
  });

  it('clstats export writes the same statements into the CSV sidecar, the workbook and the report', async () => {
    const f = (n: string) => join(dir, n);
    let err = '';
    const code = await main(['export', file, '--csv', f('t.csv'), '--html', f('r.html'), '--framework', 'sdg_871_modified', '--date', FIXED_DATE, '--quiet'], () => {}, (s) => (err += s));
    expect(code, err).toBe(0);
    const sidecar = JSON.parse(readFileSync(f('t.csv.metadata.json'), 'utf8'));
    expect(sidecar.frameworks[1]).toMatchObject({ id: 'sdg_871_modified', name: MODIFIED, basedOn: { id: 'sdg_871', name: PUBLISHED }, changes: [{ field: 'ages 5-14, household chores', from: '>= 21 h', to: '>= 28 h' }] });
    expect(sidecar.design).toMatchObject({ noClusters: true, universe: { column: 'FS17', keep: ['1'] } });
    const notes = sidecar.notes.join('\n');
    for (const s of [UNIVERSE, NO_CLUSTERS, MICS_HOURS, CHANGE]) expect(notes).toContain(s);
    const html = readFileSync(f('r.html'), 'utf8').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
    for (const s of [UNIVERSE, NO_CLUSTERS, MICS_HOURS, CHANGE, MODIFIED]) expect(html).toContain(s);
  }, 120_000);
});

describe('thresholds with a fraction of an hour in the definitions\' words', () => {
  it('are written as the reader\'s language writes numbers (a walk: "au moins 14.5 heures" beside "14,5 h")', async () => {
    const { bandRules } = await import('../../analysis/export/metadata.js');
    const { preset } = await import('../../analysis/frameworks.js');
    const fw = preset('ilo_ge2020');
    const edited = { ...fw, bands: fw.bands.map((b) => (b.econ.rule === 'hours' && b.from === 12 ? { ...b, econ: { ...b.econ, min: 14.5 } } : b)) };
    const rule = (lang: 'en' | 'fr' | 'es') => bandRules(lang, edited).map((r) => r.rule).join(' / ');
    expect(rule('en')).toContain('14.5');
    expect(rule('fr')).toContain('14,5');
    expect(rule('fr')).not.toContain('14.5');
    expect(rule('es')).toContain('14,5');
  });
});
