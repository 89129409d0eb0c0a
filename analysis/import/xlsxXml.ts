import type { Zip } from './zip.js';

/**
 * The XML of an Excel workbook's parts, read as text without a DOM (readXlsx.ts scans the sheet itself
 * as bytes): character data, elements' attributes, the paths between parts.
 */

const utf8 = new TextDecoder();

/** Text of XML character data: entities and OOXML's _xHHHH_ escapes decoded. */
export function xmlText(s: string): string {
  if (s.includes('&')) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
    );
  }
  if (s.includes('_x')) s = s.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = xmlText(m[2]!);
  return out;
}

/** `<prefix:name ...>` elements (any namespace prefix) as attribute maps. */
export function elements(xml: string, name: string): Record<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => attrs(m[1]!));
}

export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

export async function text(zip: Zip, name: string): Promise<string> {
  return utf8.decode(await zip.read(name));
}

/**
 * The text of the workbook part of a relationship type (`sharedStrings`, `styles`: ECMA-376 Part 1,
 * 12.3), where the workbook's relationships put it, else at its usual path (xl/<type>.xml); undefined
 * when the workbook has none.
 */
export async function partText(zip: Zip, workbookPath: string, rels: Record<string, string>[], type: string): Promise<string | undefined> {
  const target = rels.find((r) => new RegExp(`${type}$`).test(r.Type ?? ''))?.Target;
  const path = target && zip.has(resolveTarget(workbookPath, target)) ? resolveTarget(workbookPath, target) : `xl/${type}.xml`;
  return zip.has(path) ? text(zip, path) : undefined;
}
