import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { AnalysisFile, AnalysisResult, ExportMetadata, FileLabels, Lang, ReportChart } from '../analysis/index.js';
import { buildMetadata, chartSpecs, nationalEstimates, reportHtml, rScript, type Ge2020Region } from './core.js';

/**
 * The app's exports, all made by the core's export library (analysis/export), so that the app and
 * the command line write the same files: the Excel workbook (exceljs, loaded only now), the HTML
 * report with the core's charts drawn by vega in the page, the R script. The page adds what needs a
 * browser: SVG from vega's View, PNG from a canvas, and PDF through the browser's print dialog.
 */
export interface ExportSource {
  /** The data file's name and SHA-256 (from the Data step). */
  file: string;
  sha256: string;
  /** The analysis file's name when one was opened. */
  analysisFile?: string | null;
  /** A file set's other files (the main file is `file`), each once, with their SHA-256. */
  joined?: { file: string; sha256: string | null }[];
  version: string;
  /** Value labels of the data file (they name the universe's codes in the metadata). */
  labels?: { values: Record<string, Record<string, string>> };
}

export function exportMetadata(result: AnalysisResult, src: ExportSource, createdAt = new Date()): ExportMetadata {
  return buildMetadata(result, { sourceName: src.file, sourceSha256: src.sha256, analysisFile: src.analysisFile ?? null, ...(src.joined?.length ? { joinedFiles: src.joined } : {}), appVersion: src.version, createdAt, ...(src.labels ? { labels: src.labels } : {}) });
}

/** What the screens show, which every export of the app follows: language, framework, reference line, value labels. */
export interface ExportView {
  lang: Lang;
  framework?: string;
  reference?: Ge2020Region | null;
  labels?: FileLabels | null;
}

/** The workbook as .xlsx bytes; exceljs is fetched from the app's own files on first use. */
export async function workbookFile(result: AnalysisResult, meta: ExportMetadata, v: ExportView): Promise<Uint8Array> {
  const { workbookBytes } = await import('../analysis/export/excel.js');
  return workbookBytes(result, meta, { lang: v.lang, framework: v.framework, labels: v.labels });
}

/**
 * A Vega-Lite spec drawn to SVG text by vega's View (no DOM; expressions interpreted, as the CSP
 * wants). The spec carries its language's number format (config.locale), which the View applies.
 */
export async function specSvg(spec: object): Promise<string> {
  const compiled = compile(spec as TopLevelSpec).spec;
  const view = new View(parse(compiled, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The standard charts of a run (the Charts step's own specs), as SVG, for the report. */
export async function reportCharts(result: AnalysisResult, v: ExportView): Promise<ReportChart[]> {
  const out: ReportChart[] = [];
  for (const c of chartSpecs(result, v)) out.push({ id: c.id, title: c.title, svg: await specSvg(c.spec) });
  return out;
}

export async function reportFile(result: AnalysisResult, meta: ExportMetadata, v: ExportView): Promise<string> {
  return reportHtml(result, meta, { lang: v.lang, framework: v.framework, labels: v.labels, charts: await reportCharts(result, v) });
}

export function rScriptFile(result: AnalysisResult, meta: ExportMetadata): string {
  return rScript(result.analysis, meta, { dataPath: meta.source.file, national: nationalEstimates(result) });
}

/** The analysis as the command line runs it, naming the data file beside it. */
export function analysisText(a: AnalysisFile): string {
  return `${JSON.stringify(a, null, 2)}\n`;
}

/**
 * An SVG drawn on a canvas at `dpi` (96 CSS pixels to the inch), on white, as PNG bytes. The image is
 * a blob: URL of the SVG text itself, so nothing is fetched.
 */
export async function svgToPng(svg: string, dpi = 300): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const scale = dpi / 96;
    const width = img.naturalWidth || img.width;
    const height = img.naturalHeight || img.height;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Prints an HTML document (the report) with the browser's print dialog, where "Save as PDF" makes the
 * PDF: the document goes into a hidden frame of this page (srcdoc: nothing is loaded from anywhere).
 */
export function printHtml(html: string): void {
  // The focus goes back where it was (the export button) once the frame is gone: a walk found it left
  // in the hidden frame, then nowhere.
  const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.addEventListener('load', () => {
    const w = frame.contentWindow;
    if (!w) return;
    w.addEventListener('afterprint', () => setTimeout(() => {
      frame.remove();
      back?.focus();
    }, 0));
    w.focus();
    w.print();
  });
  frame.srcdoc = html;
  document.body.append(frame);
}
