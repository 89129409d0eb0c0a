import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisFile, AnalysisResult, Mapping, Message } from '../analysis/index.js';
import type { OpenedFile } from '../electron/api.js';
import { ExportPanel, type ExportKind } from './components/ExportPanel.js';
import { I18nContext, makeI18n } from './components/I18n.js';
import { MessageList } from './components/MessageList.js';
import { ProgressPanel, type Busy } from './components/ProgressPanel.js';
import { StepNav, type Step } from './components/StepNav.js';
import { parseAnalysis, resultsCsv } from './core.js';
import { exportMetadata, printHtml, reportFile, rScriptFile, workbookFile } from './exportFiles.js';
import { CancelledError, EngineClient, EngineError } from './engine/engineClient.js';
import type { CheckResult, TableProfile } from './engine/protocol.js';
import { en, type MessageKey } from './i18n/en.js';
import { LANG_NAMES, LANGS, type Lang } from './i18n/translate.js';
import { analysisJson, draftAnalysis, reportBreakdowns } from './model/draftAnalysis.js';
import { readRecent, rememberRecent, type RecentAnalysis } from './model/recentAnalyses.js';
import { SAMPLE_ANALYSIS, SAMPLE_DATA_FILE, sampleBytes } from './model/sampleSurvey.js';
import { isMics6, lfsMapping, mics6Mapping, missingRoles, suggestMapping, type MappingPreset } from './model/suggestMapping.js';
import { appVersion, onCommand, openFile, saveFile } from './platform.js';
import { ChartsScreen } from './screens/ChartsScreen.js';
import { DataScreen } from './screens/DataScreen.js';
import { DefineScreen } from './screens/DefineScreen.js';
import { MapScreen } from './screens/MapScreen.js';
import { OpenScreen } from './screens/OpenScreen.js';
import { ResultsScreen } from './screens/ResultsScreen.js';
import type { Selected } from './screens/Selection.js';

const isData = (name: string) => /\.(csv|txt|tsv|parquet|sav|zsav|dta|xlsx)$/i.test(name);
const isAnalysis = (name: string) => /\.(clstats|json)$/i.test(name);
const LANG_KEY = 'clstats.lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

interface Failure {
  message: Message;
  findings: Message[];
}

/** The workflow: open, data, map, define, results, charts. State lives here; screens are views of it. */
export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { t } = i18n;
  const engine = useRef<EngineClient | null>(null);
  engine.current ??= new EngineClient();

  const [step, setStep] = useState<Step>('open');
  const [profile, setProfile] = useState<TableProfile | null>(null);
  const [draft, setDraft] = useState<AnalysisFile | null>(null);
  const [preset, setPreset] = useState<MappingPreset>('lfs');
  const [pending, setPending] = useState<AnalysisFile | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<AnalysisResult | null>(null);
  const [selected, setSelected] = useState<Selected>({ framework: '', indicator: 'child_labour' });
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recent, setRecent] = useState<RecentAnalysis[]>(() => readRecent(localStorage));
  const [version, setVersion] = useState('');
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
    localStorage.setItem(LANG_KEY, lang);
  }, [lang, t]);
  useEffect(() => {
    void appVersion().then(setVersion);
  }, []);

  const progressLabel = useCallback(
    (s: string) => {
      const key = `progress.${s}` as MessageKey;
      return key in en ? t(key) : s;
    },
    [t],
  );

  /** Runs a long engine step with progress and cancel; failures become coded messages on screen. */
  const withEngine = useCallback(
    async <T,>(first: string, work: (e: EngineClient, progress: (s: string, done: number, of: number) => void) => Promise<T>): Promise<T | null> => {
      setFailure(null);
      setNotice(null);
      setBusy({ label: progressLabel(first), done: 0, of: 1 });
      try {
        return await work(engine.current!, (s, done, of) => setBusy({ label: progressLabel(s), done, of }));
      } catch (e) {
        if (e instanceof CancelledError) setNotice(t('progress.cancelled'));
        else if (e instanceof EngineError) setFailure({ message: e.msg, findings: e.findings });
        else throw e;
        return null;
      } finally {
        setBusy(null);
      }
    },
    [progressLabel, t],
  );

  const loadData = useCallback(
    async (file: OpenedFile, analysis: AnalysisFile | null) => {
      const p = await withEngine('read', (e, progress) => e.load(file.name, file.bytes, progress, analysis?.data));
      if (!p) return;
      const mics = isMics6(p.columns);
      setProfile(p);
      setPreset(mics ? 'mics6' : 'lfs');
      setResult(null);
      setCheck(null);
      setPending(null);
      // The analysis names the file opened, and the sheet read from a workbook, as the command line needs.
      const sheet = p.sheet ? { sheet: p.sheet } : {};
      if (analysis) {
        setDraft({ ...analysis, data: { ...analysis.data, path: file.name, ...sheet } });
      } else {
        const s = suggestMapping(p.columns, { psuCandidates: p.psuCandidates });
        const d = draftAnalysis(file.name, s.mapping, s.preset);
        setDraft({ ...d, data: { ...d.data, ...sheet } });
      }
      setStep('data');
    },
    [withEngine],
  );

  const remember = useCallback((a: AnalysisFile) => setRecent(rememberRecent(localStorage, a, new Date())), []);

  const openFiles = useCallback(
    async (files: OpenedFile[]) => {
      setFailure(null);
      let analysis: AnalysisFile | null = pending;
      const data = files.find((f) => isData(f.name));
      for (const f of files.filter((x) => isAnalysis(x.name))) {
        try {
          const text = new TextDecoder().decode(f.bytes);
          parseAnalysis(text, f.name);
          analysis = JSON.parse(text) as AnalysisFile;
          remember(analysis);
        } catch (e) {
          const msg = (e as { msg?: Message }).msg;
          if (msg) return setFailure({ message: msg, findings: [] });
          throw e;
        }
      }
      const unknown = files.find((f) => !isData(f.name) && !isAnalysis(f.name));
      if (unknown && !data) return setNotice(t('open.wrongType', { file: unknown.name }));
      if (data) return loadData(data, analysis);
      if (analysis?.data.path === SAMPLE_DATA_FILE) return loadData({ name: SAMPLE_DATA_FILE, bytes: await sampleBytes() }, analysis);
      setPending(analysis);
      setStep('open');
    },
    [pending, loadData, remember, t],
  );

  const openSample = useCallback(async () => {
    setPending(null);
    await loadData({ name: SAMPLE_DATA_FILE, bytes: await sampleBytes() }, SAMPLE_ANALYSIS);
  }, [loadData]);

  const chooseFile = useCallback(async () => {
    const f = await openFile('data');
    if (f) await openFiles([f]);
  }, [openFiles]);

  const saveAnalysis = useCallback(async () => {
    if (!draft) return;
    const name = await saveFile('analysis', `${(draft.title ?? 'analysis').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60)}.clstats`, analysisJson(draft));
    if (name) {
      remember(draft);
      setNotice(t('action.saved', { file: name }));
    }
  }, [draft, remember, t]);

  const exportResults = useCallback(async () => {
    if (!result) return;
    const name = await saveFile('results', 'child-labour-results.csv', resultsCsv(result));
    if (name) setNotice(t('action.saved', { file: name }));
  }, [result, t]);

  /** Every export of the run, made by the core's export library, in the interface language. */
  const exportAs = useCallback(
    async (kind: ExportKind) => {
      if (!result || !profile) return;
      if (kind === 'analysis') return saveAnalysis();
      if (kind === 'csv') return exportResults();
      setExporting(true);
      setNotice(t('export.working'));
      try {
        const meta = exportMetadata(result, { file: profile.file, sha256: profile.sha256, version, labels: profile.labels });
        const base = (result.analysis.title || 'child-labour').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60);
        let name: string | null = null;
        if (kind === 'xlsx') name = await saveFile('workbook', `${base}.xlsx`, await workbookFile(result, meta, lang));
        else if (kind === 'html') name = await saveFile('report', `${base}.html`, await reportFile(result, meta, lang, selected.framework));
        else if (kind === 'r') name = await saveFile('rscript', `${base}.R`, rScriptFile(result, meta));
        else printHtml(await reportFile(result, meta, lang, selected.framework));
        setNotice(name ? t('action.saved', { file: name }) : null);
      } catch (e) {
        setNotice(t('export.failed', { detail: e instanceof Error ? e.message : String(e) }));
      } finally {
        setExporting(false);
      }
    },
    [result, profile, version, lang, selected.framework, saveAnalysis, exportResults, t],
  );

  const run = useCallback(async () => {
    if (!draft) return;
    const r = await withEngine('validate', (e, progress) => e.run(draft, progress));
    if (!r) return;
    setResult(r);
    const keep = r.analysis.frameworks.some((f) => f.id === selected.framework);
    setSelected({ framework: keep ? selected.framework : r.analysis.frameworks[0]!.id, indicator: r.analysis.indicators.includes(selected.indicator) ? selected.indicator : r.analysis.indicators[0]! });
    setStep('results');
  }, [draft, withEngine, selected]);

  // Menu commands (desktop) and keyboard shortcuts (browser).
  const commands = useRef({ chooseFile, openSample, saveAnalysis, exportResults, openFiles });
  commands.current = { chooseFile, openSample, saveAnalysis, exportResults, openFiles };
  useEffect(
    () =>
      onCommand((command, file) => {
        const c = commands.current;
        if (command === 'open') void c.chooseFile();
        else if (command === 'open-sample') void c.openSample();
        else if (command === 'save-analysis') void c.saveAnalysis();
        else if (command === 'export') void c.exportResults();
        else if (file) void c.openFiles([file]);
      }),
    [],
  );

  // The quick check (design summary and validation) follows every change of the analysis.
  useEffect(() => {
    if (!profile || !draft || missingRoles(draft.mapping).length || busy) return;
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      engine.current!.check(draft).then(
        (c) => live && setCheck(c),
        () => undefined,
      ).finally(() => live && setChecking(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [profile, draft, busy]);

  const setMapping = (m: Partial<Mapping>) => {
    if (!draft) return;
    setCheck(null);
    setDraft({ ...draft, mapping: m as Mapping, breakdowns: reportBreakdowns(m) });
  };
  const applyPreset = (p: MappingPreset) => {
    if (!profile) return;
    setPreset(p);
    setMapping(p === 'mics6' ? mics6Mapping(profile.columns) : lfsMapping(profile.columns));
  };

  const enabled = (s: Step) => s === 'open' || (['data', 'map', 'define'].includes(s) ? !!profile : !!result);

  return (
    <I18nContext.Provider value={i18n}>
      <header className="topbar">
        <div className="brand">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <div className="top-actions">
          <span className="offline" title={t('app.offline')}>● {t('app.offline')}</span>
          <button type="button" className="secondary" onClick={saveAnalysis} disabled={!draft}>
            {t('action.saveAnalysis')}
          </button>
          <button type="button" className="secondary" onClick={exportResults} disabled={!result}>
            {t('action.export')}
          </button>
          <label className="lang">
            <span>{t('app.language')}</span>
            <select value={lang} data-testid="language" onChange={(e) => setLang(e.target.value as Lang)}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {LANG_NAMES[l]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <StepNav current={step} enabled={enabled} onGo={setStep} />
      <main>
        {busy && <ProgressPanel busy={busy} onCancel={() => engine.current!.cancel()} />}
        {notice && <p className="notice" role="status">{notice}</p>}
        {failure && (
          <div data-testid="failure">
            <MessageList messages={[failure.message, ...failure.findings]} />
          </div>
        )}
        {step === 'open' && <OpenScreen pending={pending} recent={recent} onFiles={openFiles} onChoose={chooseFile} onSample={openSample} onRecent={(r) => void openFiles([{ name: `${r.title}.clstats`, bytes: new TextEncoder().encode(JSON.stringify(r.analysis)) }])} />}
        {step === 'data' && profile && <DataScreen profile={profile} findings={check?.messages ?? null} report={check?.report ?? null} checking={checking} onNext={() => setStep('map')} />}
        {step === 'map' && profile && draft && (
          <MapScreen columns={profile.columns} psuCandidates={profile.psuCandidates} rows={profile.rows} mapping={draft.mapping} preset={preset} check={check} checking={checking} onChange={setMapping} onPreset={applyPreset} onNext={() => setStep('define')} />
        )}
        {step === 'define' && draft && <DefineScreen draft={draft} onChange={setDraft} onRun={run} />}
        {step === 'results' && result && (
          <ResultsScreen result={result} labels={profile?.labels ?? null} selected={selected} onSelect={setSelected}>
            <ExportPanel onExport={(k) => void exportAs(k)} busy={exporting} />
          </ResultsScreen>
        )}
        {step === 'charts' && result && (
          <ChartsScreen result={result} labels={profile?.labels ?? null} selected={selected} onSelect={setSelected}>
            <ExportPanel onExport={(k) => void exportAs(k)} busy={exporting} />
          </ChartsScreen>
        )}
      </main>
      <footer className="footer">{t('app.version', { version })}</footer>
    </I18nContext.Provider>
  );
}
