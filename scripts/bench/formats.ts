/**
 * The benchmark's other formats: the same synthetic children as Parquet (written by DuckDB), SPSS .sav
 * (written by Debian's pspp from the CSV) and Stata .dta (converted from the .sav by Debian's
 * readstat), cached beside the CSV in bench-data/. A format whose tool is missing is skipped with a
 * notice (apt-get install pspp readstat). Import only is timed for these formats: the estimates are
 * the CSV's, the same numbers whatever the format (test/formats.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

export type BenchFormat = 'parquet' | 'sav' | 'dta';

const has = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** The columns of the generated CSV with their SPSS formats (numbers; blanks are system-missing). */
const COLUMNS: [string, string][] = [
  ['psu', 'F8.0'], ['stratum', 'F3.0'], ['weight', 'F10.3'], ['sex', 'F1.0'], ['age', 'F2.0'], ['region', 'F2.0'], ['area', 'F1.0'],
  ['econ_hours', 'F3.0'], ['chores_hours', 'F3.0'], ['absent_job', 'F1.0'], ['isic2', 'F2.0'], ['isco4', 'F4.0'],
  ['night_work', 'F1.0'], ['heavy_loads', 'F1.0'], ['dangerous_tools', 'F1.0'], ['dust_fumes', 'F1.0'], ['extreme_temp', 'F1.0'],
];

/** Path of `csv` written as `format`, created if missing; null when the tool that writes it is absent. */
export async function inFormat(csv: string, format: BenchFormat): Promise<string | null> {
  const out = csv.replace(/\.csv$/, `.${format}`);
  if (existsSync(out)) return out;
  if (format === 'parquet') {
    // A plain, unlocked DuckDB of the benchmark's own (the app's engines never write files).
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${out}' (FORMAT parquet, COMPRESSION zstd)`);
    con.closeSync();
    return out;
  }
  if (format === 'sav') {
    if (!has('pspp')) return null;
    const sps = out.replace(/\.sav$/, '.sps');
    writeFileSync(
      sps,
      `GET DATA /TYPE=TXT /FILE='${csv}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=","
  /VARIABLES=${COLUMNS.map(([n, f]) => `${n} ${f}`).join(' ')}.
SAVE OUTFILE='${out}' /COMPRESSED.
`,
    );
    execFileSync('pspp', ['-b', sps], { stdio: 'ignore' });
    rmSync(sps);
    return out;
  }
  const sav = await inFormat(csv, 'sav');
  if (!sav || !has('readstat')) return null;
  execFileSync('readstat', [sav, out], { stdio: 'ignore' });
  return out;
}
