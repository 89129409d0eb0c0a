/**
 * The benchmark's plain-SQL baseline (not the app's code): the same estimator written the way a
 * statistician with DuckDB would write it, to measure the app against.
 *
 *   node scripts/bench/baseline.mjs <spec.json> <out.json> [native|wasm]
 *
 * The spec (written by scripts/bench/run.ts) gives the CSV, the typed columns of the benchmark's
 * mapping, the indicator expressions (the framework definitions, as classify.ts writes them over the
 * `survey` column names) and the breakdowns. The file is read once: a typed `read_csv` of the mapped
 * columns into one GROUP BY GROUPING SETS to domain x PSU with every indicator's weighted sums (by
 * age "atom", then summed into the age groups, which may overlap); one
 * GROUP BY to the cells (the ratio estimates); one variance query (Taylor linearisation, with
 * replacement, PSUs nested in strata, n_h counted over the whole file). The estimates and standard
 * errors are written to <out.json>, which the benchmark checks against the app's. It handles what the
 * benchmark file needs: no lonely PSU, no fpc, no missing codes (the app handles all of these).
 * The process's own run time is what the benchmark compares with (node startup included).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [specPath, outPath, kind = 'native'] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specPath, 'utf8'));

async function open() {
  if (kind === 'native') {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    return {
      run: (sql) => con.run(sql),
      rows: async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS(),
      file: spec.csv,
    };
  }
  const require = createRequire(import.meta.url);
  const main = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(main);
  const duckdb = require(main);
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') } },
    new duckdb.VoidLogger(), duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const con = db.connect();
  // As the app gets it: the file's bytes, registered with the engine.
  db.registerFileBuffer('/data.csv', new Uint8Array(readFileSync(spec.csv)));
  const rows = (sql) => {
    const t = con.query(sql);
    const names = t.schema.fields.map((f) => f.name);
    return t.toArray().map((r) => Object.fromEntries(names.map((n) => [n, typeof r[n] === 'bigint' ? Number(r[n]) : r[n]])));
  };
  return { run: async (sql) => con.query(sql), rows: async (sql) => rows(sql), file: '/data.csv' };
}

const db0 = await open();
const timed = (f) => async (sql) => {
  const t = performance.now();
  const r = await f(sql);
  if (process.env.BASELINE_TIMING) process.stderr.write(`${(performance.now() - t).toFixed(0)} ms ${sql.replace(/\s+/g, ' ').slice(0, 60)}\n`);
  return r;
};
const db = { ...db0, run: timed(db0.run), rows: timed(db0.rows) };
const q = (s) => `'${s.replace(/'/g, "''")}'`;
// 1. Typed read of the mapped columns, with the `survey` names the indicator expressions use (a view:
// the file is read once, by the next statement).
await db.run(
  `CREATE VIEW b AS SELECT ${spec.select} FROM read_csv(${q(db.file)}, header = true, auto_detect = false, delim = ',', columns = {${Object.entries(spec.columns).map(([n, t]) => `${q(n)}: ${q(t)}`).join(', ')}})`,
);
// 2. Domain x PSU: every indicator's weighted sums, all breakdowns at once (a cell is its key `c`).
const dims = ['sex', 'ag', 'region', 'area'];
const K = spec.indicators.length;
const ks = Array.from({ length: K }, (_, k) => k);
const each = (f) => ks.map(f).join(', ');
// The breakdown as the bits of the dimensions it does not group by (1 = not grouped, first dimension
// most significant); below, the cell as one integer (the benchmark's codes are small whole numbers).
const gid = (sets) => dims.map((d, i) => `${2 ** (dims.length - 1 - i)} * ${sets.some((bd) => bd.includes(d)) ? `grouping(${d})` : '1'}`).join(' + ');
// Age groups may overlap (5-11 and 5-14): rows are summed by age "atom" (the pieces between the
// groups' bounds), and the atoms' sums into the groups they make up.
const cuts = [...new Set(spec.ageGroups.flatMap((g) => [g.from, g.to + 1]))].sort((a, b) => a - b);
const atoms = cuts.slice(0, -1).map((lo, i) => [lo, cuts[i + 1] - 1]);
await db.run(`CREATE TABLE atom_group AS SELECT * FROM (VALUES ${spec.ageGroups.flatMap((g, gi) => atoms.flatMap(([lo, hi], ai) => (lo >= g.from && hi <= g.to ? [`(${ai + 1}, ${gi + 1})`] : []))).join(', ')}) AS t(atom, grp)`);
const sets = [[], ...spec.breakdowns.filter((bd) => bd.length)];
const sums = each((k) => `w${k}, t${k}`);
await db.run(
  `CREATE TABLE dpa AS SELECT ${gid(sets)} AS g, ${dims.join(', ')}, h, psu,
     ${each((k) => `SUM(CASE WHEN y${k} IS NOT NULL THEN _w END) AS w${k}, SUM(_w * y${k}) AS t${k}`)}
   FROM (SELECT *, CASE ${atoms.map(([lo, hi], i) => `WHEN age BETWEEN ${lo} AND ${hi} THEN ${i + 1}`).join(' ')} END AS ag,
           ${spec.indicators.map((sql, k) => `CAST(${sql} AS DOUBLE) AS y${k}`).join(', ')} FROM b)
   GROUP BY GROUPING SETS (${sets.map((bd) => `(${[...bd, 'h', 'psu'].join(', ')})`).join(', ')})`,
);
const agBit = 2 ** (dims.length - 1 - dims.indexOf('ag'));
const cell = `((((g) * 3 + COALESCE(sex, 0)) * 10 + COALESCE(ag, 0)) * 1000 + COALESCE(region, 0)) * 3 + COALESCE(area, 0)`;
await db.run(
  `CREATE TABLE dp AS SELECT ${cell} AS c, * FROM (
     SELECT g, ${dims.join(', ')}, h, psu, ${sums} FROM dpa WHERE g & ${agBit} <> 0
     UNION ALL
     SELECT g, sex, atom_group.grp AS ag, region, area, h, psu, ${each((k) => `SUM(w${k}) AS w${k}, SUM(t${k}) AS t${k}`)}
     FROM dpa JOIN atom_group ON dpa.ag = atom_group.atom WHERE g & ${agBit} = 0 GROUP BY ALL)`,
);
// 3. The cells: ratio estimates r = T / N.
await db.run(
  `CREATE TABLE cells AS SELECT c, any_value(g) AS g, ${dims.map((d) => `any_value(${d}) AS ${d}`).join(', ')}, ${each((k) => `SUM(w${k}) AS n${k}, SUM(t${k}) / SUM(w${k}) AS r${k}`)} FROM dp GROUP BY c`,
);
// 4. Variance: PSU scores z = (t - r w) / N, centred within strata over all n_h PSUs of the stratum
// (those without rows in the cell have z = 0): sum over h of n_h / (n_h - 1) (sum z^2 - (sum z)^2 / n_h).
const z = (k) => `(d.t${k} - c.r${k} * d.w${k}) / c.n${k}`;
const rows = await db.rows(
  `WITH nh AS (SELECT h, COUNT(*) AS n_h FROM dp WHERE g = ${2 ** dims.length - 1} GROUP BY h),
   hs AS (SELECT d.c, d.h, ${each((k) => `SUM(${z(k)}) AS s${k}, SUM((${z(k)}) ** 2) AS q${k}`)} FROM dp d JOIN cells c ON d.c = c.c GROUP BY d.c, d.h),
   v AS (SELECT c, ${each((k) => `SUM(n_h / (n_h - 1) * (q${k} - s${k} * s${k} / n_h)) AS v${k}`)} FROM hs JOIN nh USING (h) GROUP BY c)
   SELECT cells.*, ${each((k) => `sqrt(v${k}) AS se${k}`)} FROM cells JOIN v USING (c)`,
);
const out = rows.flatMap((r) => ks.map((k) => ({ g: r.g, k, ...Object.fromEntries(dims.map((d) => [d, r[d]])), n_w: r[`n${k}`], r: r[`r${k}`], se: r[`se${k}`] })));
writeFileSync(outPath, JSON.stringify(out, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
