/**
 * A wide file for the benchmark of validation on many columns: the first `rows` children of a
 * benchmark CSV (generate.ts) with filler columns q1, q2, ... of codes 0-9 (10 % blank, seeded) up to
 * `columns` columns in all, the 17 mapped ones first.
 *
 *   npx tsx scripts/bench/wide.ts bench-data/children_2000000.csv 10000 10000 bench-data/wide_10000x10000.csv
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function wide(source: string, rows: number, columns: number, out: string): Promise<void> {
  const w = createWriteStream(out);
  const write = (s: string) => (w.write(s) ? Promise.resolve() : new Promise<void>((r) => w.once('drain', () => r())));
  let seed = 1;
  const u = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  let i = 0;
  let extra = 0;
  for await (const line of createInterface({ input: createReadStream(source) })) {
    if (i === 0) {
      extra = columns - line.split(',').length;
      await write(line + Array.from({ length: extra }, (_, j) => `,q${j + 1}`).join('') + '\n');
    } else {
      let s = line;
      for (let j = 0; j < extra; j++) {
        const x = u();
        s += x < 0.1 ? ',' : `,${Math.floor(x * 10)}`;
      }
      await write(s + '\n');
    }
    if (++i > rows) break;
  }
  await new Promise<void>((r) => w.end(() => r()));
}

if (process.argv[1]?.endsWith('wide.ts')) {
  const [source, rows, columns, out] = process.argv.slice(2);
  await wide(source!, Number(rows), Number(columns), out!);
}
