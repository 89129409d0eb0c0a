/**
 * Seeded generator of large, SYNTHETIC labour-force-style child files for the benchmark: about 30
 * strata, 10 children per PSU on average, weights varying within PSUs, prevalences near published
 * levels (child labour about 10-20 %, higher in rural strata and for boys, chores heavier for girls).
 * Same columns as ../shared/reference/children_sample.csv, so the same analysis file maps them.
 *
 *   npx tsx scripts/bench/generate.ts 2000000 bench-data/children_2000000.csv
 */
import { createWriteStream } from 'node:fs';
import { mulberry32 } from '../seeded.js';

export async function generate(n: number, path: string, seed = 20261124): Promise<void> {
  const u = mulberry32(seed + n);
  const normal = () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u());
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('psu,stratum,weight,sex,age,region,area,econ_hours,chores_hours,absent_job,isic2,isco4,night_work,heavy_loads,dangerous_tools,dust_fumes,extreme_temp\n');
  const STRATA = 30; // 15 regions x urban/rural
  let written = 0;
  let buf: string[] = [];
  const psuCounter = new Array<number>(STRATA).fill(0);
  while (written < n) {
    const h = Math.floor(u() * STRATA);
    const region = Math.floor(h / 2) + 1;
    const area = (h % 2) + 1;
    const psu = ++psuCounter[h]!;
    const size = Math.max(1, Math.round(10 + 4 * normal()));
    const baseW = 80 + 400 * u();
    const effect = 0.5 * normal() + (area === 2 ? 0.6 : 0) + (region % 5) * 0.15;
    for (let k = 0; k < size && written < n; k++, written++) {
      const sex = u() < 0.5 ? 1 : 2;
      const age = 5 + Math.floor(u() * 13);
      const eta = -3.2 + 0.15 * (age - 5) + (sex === 1 ? 0.4 : 0) + effect;
      const works = u() < 1 / (1 + Math.exp(-eta));
      const absent = !works && u() < 0.01;
      // Log-normal hours, capped at 112 a week (16 a day): a week has 168 hours, and validation refuses more.
      let econ: string = works ? String(Math.min(112, Math.max(1, Math.round(Math.exp(2.3 + 0.7 * normal() + 0.05 * (age - 5)))))) : '0';
      const chores = Math.max(0, Math.round((sex === 2 ? 12 : 7) + 7 * normal() + (area === 2 ? 3 : 0)));
      let choresS = String(chores);
      if (u() < 0.015) econ = '';
      if (u() < 0.015) choresS = '';
      const sector = works ? (u() < 0.7 ? 1 : u() < 0.1 ? 8 : u() < 0.15 ? 41 : 47) : null;
      const occ = works ? (sector === 1 ? 6111 : sector === 8 ? 8111 : sector === 41 ? 9312 : 5223) : null;
      const flag = (p: number) => (works ? (u() < p ? '1' : '0') : '0');
      const w = (baseW * (0.85 + 0.3 * u())).toFixed(3);
      buf.push(`${psu},${h + 1},${w},${sex},${age},${region},${area},${econ},${choresS},${absent ? 1 : 0},${sector ?? ''},${occ ?? ''},${flag(0.05)},${flag(0.15)},${flag(0.1)},${flag(0.07)},${flag(0.08)}\n`);
      if (buf.length >= 10000) {
        await write(buf.join(''));
        buf = [];
      }
    }
  }
  await write(buf.join(''));
  await new Promise<void>((r) => out.end(() => r()));
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const n = Number(process.argv[2] ?? 100000);
  await generate(n, process.argv[3] ?? `bench-data/children_${n}.csv`);
}
