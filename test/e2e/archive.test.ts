import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appForTests, chooseFiles } from './browserApp.js';

/**
 * A .zip of the data (as NSOs send a survey) and a gzipped CSV opened in the app: the message says what
 * the file is and what to do (import/format.ts), in the reader's language, not "neither a data file
 * nor an analysis file" (a walk found that, and the gzip message in English on a French screen).
 */
const problems: string[] = [];
const ready = appForTests('clstats-archive-', problems);
let page: Page;

/** A zip's first local header naming `entry`, and some bytes: what detectFormat reads. */
const zip = (entry: string) => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(22), Buffer.from([entry.length, 0, 0, 0]), Buffer.from(entry), Buffer.from('data')]);

describe('an archive opened in the app (Debian Chromium)', () => {
  it('a .zip of a CSV: "a zip archive (its first file: ...); extract the data file from it first"', async () => {
    let dir: string;
    ({ page, dir } = ready());
    const file = join(dir, 'enquete.zip');
    writeFileSync(file, zip('enquete_2023.csv'));
    await chooseFiles(page, [file]);
    await expect.poll(() => page.getByText('it is a zip archive (its first file: "enquete_2023.csv"); extract the data file from it first', { exact: false }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.getByText('neither a data file').count()).toBe(0);
  }, 90_000);

  it('a gzipped CSV: "gzip-compressed; decompress it first"', async () => {
    let dir: string;
    ({ page, dir } = ready());
    const file = join(dir, 'enquete.csv.gz');
    writeFileSync(file, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
    await chooseFiles(page, [file]);
    await expect.poll(() => page.getByText('it is gzip-compressed; decompress it first', { exact: false }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 90_000);
});
