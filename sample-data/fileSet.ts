/**
 * The SYNTHETIC MICS6-style file set: the merged child file of a round (micsSurvey.ts) split into the
 * three files a MICS6 survey publishes, plus what the merged file does not hold (household members,
 * mother's education, ethnicity, functional difficulty), drawn from a stream of its own so the merged
 * file keeps every byte. Nothing here is real survey data.
 *
 *   hh  HH1 HH2 HH6 HH7 stratum HH48 windex5 ethnicity                one row per household
 *   hl  HH1 HH2 HL1 HL4 HL6 HL12 ED5A ED9                               every household member
 *   fs  HH1 HH2 FS3 FS17 fsweight CB3 CB7 CL1A ... CL13 fsdisability   the selected child; FS3 = its HL1
 *
 * fs joined with hh by (HH1, HH2) and with hl by (HH1, HH2, FS3 = HL1) gives back every column of the
 * merged file with the same values (the child's sex HL4 comes from hl, as in a real MICS).
 */
import { MICS_HEADER, type MicsHousehold } from './micsSurvey.js';
import { drawQuintile, logistic, Rng, type Cell } from './model.js';

export interface Table {
  header: string[];
  rows: Cell[][];
}

export interface FileSet {
  hh: Table;
  hl: Table;
  fs: Table;
}

/** The columns of the merged file that stay in fs (the child module), in fs order after HH1 HH2 FS3. */
const FS_FROM_MERGED = ['FS17', 'fsweight', 'CB3', 'CB7', ...MICS_HEADER.slice(MICS_HEADER.indexOf('CL1A'))];
const FS_HEADER = ['HH1', 'HH2', 'FS3', ...FS_FROM_MERGED, 'fsdisability'];
const HH_HEADER = ['HH1', 'HH2', 'HH6', 'HH7', 'stratum', 'HH48', 'windex5', 'ethnicity'];
const HL_HEADER = ['HH1', 'HH2', 'HL1', 'HL4', 'HL6', 'HL12', 'ED5A', 'ED9'];

/** HL12 of a child whose mother does not live in the household (MICS records "00"). */
export const MOTHER_NOT_IN_HOUSEHOLD = 0;

interface Member {
  sex: number; // HL4: 1 male, 2 female
  age: number;
  selected?: boolean;
  mother?: boolean;
  child?: boolean; // a child of the mother (HL12 is asked of members under 18)
  ed5a: number | null;
  ed9: number | null;
}

/** Splits a round's merged rows into hh, hl and fs, drawing the new columns from the stream `seed`. */
export function splitFileSet(households: MicsHousehold[], seed: number): FileSet {
  const rng = new Rng(seed);
  const at = (name: string) => MICS_HEADER.indexOf(name);
  const hh: Cell[][] = [];
  const hl: Cell[][] = [];
  const fs: Cell[][] = [];
  for (const h of households) {
    const row = h.row;
    // Interviews not completed have no quintile in the merged file; the household's wealth index exists all the same.
    const quintile = h.child ? h.child.quintile : drawQuintile(rng, h.clusterWealth);
    const working = h.child?.employed ?? false;
    const members = householdMembers(rng, h, quintile, working);
    const line = members.findIndex((m) => m.selected) + 1;
    const motherLine = members.findIndex((m) => m.mother) + 1;
    for (const [i, m] of members.entries()) {
      const hl12 = m.age >= 18 ? null : m.child && motherLine > 0 ? motherLine : MOTHER_NOT_IN_HOUSEHOLD;
      hl.push([h.hh1, h.hh2, i + 1, m.sex, m.age, hl12, m.ed5a, m.ed9]);
    }
    hh.push([h.hh1, h.hh2, h.area, h.region.code, row[at('stratum')]!, members.length, quintile, ethnicity(rng, h, quintile, working)]);
    // Functional difficulty (MICS6 fsdisability, from the child functioning module): about one child in
    // nine; more often among working and poorer children. Blank when the interview was not completed.
    const fd = h.child ? (rng.bern(logistic(-2.3 + (working ? 0.5 : 0) + (quintile <= 2 ? 0.25 : 0))) ? 1 : 2) : null;
    fs.push([h.hh1, h.hh2, line, ...FS_FROM_MERGED.map((c) => row[at(c)]!), fd]);
  }
  return { hh: { header: HH_HEADER, rows: hh }, hl: { header: HL_HEADER, rows: hl }, fs: { header: FS_HEADER, rows: fs } };
}

/**
 * The household listing: head (line 1), spouse, the children from the eldest, then another relative.
 * The selected child keeps the merged file's sex (HL4) and age (HL6 = CB3); `kids` children are 5-17,
 * as the weight's selection factor says. The mother lives in the household for about 86 % of children
 * (fewer among the older ones); where she does not, the head is usually a grandparent.
 */
function householdMembers(rng: Rng, h: MicsHousehold, quintile: number, working: boolean): Member[] {
  const at = (name: string) => MICS_HEADER.indexOf(name);
  const age = Number(h.row[at('CB3')]);
  const kids = h.kids ?? 1 + rng.pick([40, 30, 18, 8, 4]);
  const rural = h.area === 2;
  const selectedEd9 = h.child ? Number(h.row[at('CB7')]) : attendance(rng, age, quintile, rural);
  const children: Member[] = [{ sex: Number(h.row[at('HL4')]), age, selected: true, child: true, ed9: selectedEd9, ed5a: null }];
  for (let k = 1; k < kids; k++) children.push({ sex: rng.bern(0.51) ? 1 : 2, age: rng.int(5, 17), child: true, ed5a: null, ed9: null });
  for (let k = rng.pick([45, 35, 15, 5]); k > 0; k--) children.push({ sex: rng.bern(0.51) ? 1 : 2, age: rng.int(0, 4), child: true, ed5a: null, ed9: null });
  for (const c of children) {
    if (c.age < 5) continue;
    c.ed9 ??= attendance(rng, c.age, quintile, rural);
    c.ed5a = childLevel(rng, c.age, c.ed9 === 1, quintile);
  }
  children.sort((a, b) => b.age - a.age); // stable: the selected child first among children of its age
  const oldest = children[0]!.age;
  const adult = (sex: number, years: number, extra = 0): Member => ({
    sex, age: years, ed5a: adultLevel(rng, quintile, rural, h.place.regionEffect, extra), ed9: years <= 24 ? (rng.bern(0.05) ? 1 : 2) : null,
  });
  const adults: Member[] = [];
  if (rng.bern(0.93 - 0.012 * (age - 5))) {
    const young = children.some((c) => c.age < 5);
    const motherAge = Math.min(oldest + 16 + rng.int(0, 14), young ? 47 : 99);
    // Mothers of working children have a little less schooling than the quintile alone says (-0.35 on
    // the latent scale): the pattern of the MICS tables by mother's education.
    const mother = { ...adult(2, motherAge, working ? -0.35 : 0), mother: true };
    if (rng.bern(0.18)) adults.push(mother); // female-headed household
    else adults.push(adult(1, motherAge + rng.int(0, 12)), mother);
  } else {
    const headMale = rng.bern(0.55);
    const headAge = Math.min(85, Math.max(40, oldest + 35 + rng.int(0, 25)));
    adults.push(adult(headMale ? 1 : 2, headAge));
    if (rng.bern(0.5)) adults.push(adult(headMale ? 2 : 1, Math.min(85, headAge + rng.int(-6, 6))));
  }
  const others = rng.bern(0.12) ? [adult(2, rng.int(55, 80))] : [];
  return [...adults, ...children, ...others];
}

/** ED9, attended school during the current school year (1 yes, 2 no), for members 5-17 not interviewed. */
function attendance(rng: Rng, age: number, quintile: number, rural: boolean): number {
  const notIn = -2.6 + (age === 5 ? 2 : age === 6 ? 0.8 : 0) + 0.3 * Math.max(0, age - 12) + (rural ? 0.5 : 0) - 0.3 * (quintile - 3);
  return rng.bern(logistic(notIn)) ? 2 : 1;
}

/** The level a child's age leads to: 0 pre-primary (5), 1 primary (6-11), 2 lower secondary (12-14), 3 upper secondary (15+). */
const levelOfAge = (age: number) => (age <= 5 ? 0 : age <= 11 ? 1 : age <= 14 ? 2 : 3);

/**
 * ED5A of a child 5-17: the level of its age, a year or two lower for a child who started late; for
 * one not in school, the level of the age it left at, or 0 if it never attended (MICS asks ED5A of
 * those who ever attended; here "0 pre-primary or none" holds both). 8 DK and 9 missing are rare.
 */
function childLevel(rng: Rng, age: number, attending: boolean, quintile: number): number {
  const r = rng.next();
  if (r < 0.004) return r < 0.002 ? 8 : 9;
  if (attending) return levelOfAge(age - rng.pick([70, 22, 8]));
  return rng.bern(0.55 + 0.08 * (quintile - 3)) ? levelOfAge(age - 2 - rng.int(0, 3)) : 0;
}

/**
 * ED5A of an adult: an ordered latent scale, higher with wealth, lower in rural areas and in the
 * regions with more child labour; cut at -0.6, 0.4, 1.2 it gives roughly 43 % none or pre-primary,
 * 29 % primary, 17 % lower secondary, 11 % upper secondary or higher. About 1 % DK (8), 0.5 % missing (9).
 */
function adultLevel(rng: Rng, quintile: number, rural: boolean, regionEffect: number, extra: number): number {
  const z = 0.5 * (quintile - 3) - (rural ? 0.6 : 0) - 0.5 * regionEffect + extra + rng.normal();
  const r = rng.next();
  if (r < 0.015) return r < 0.01 ? 8 : 9;
  return z < -0.6 ? 0 : z < 0.4 ? 1 : z < 1.2 ? 2 : 3;
}

/**
 * Ethnicity of the household head: four made-up groups, A the largest everywhere; group C more common
 * in the regions with more child labour and among the poorer households (and so, a little, among
 * working children). 9 missing for about 0.3 %.
 */
function ethnicity(rng: Rng, h: MicsHousehold, quintile: number, working: boolean): number {
  if (rng.bern(0.003)) return 9;
  const e = h.place.regionEffect;
  return 1 + rng.pick([55 - 15 * e, 25, 10 + 25 * Math.max(0, e) + (quintile <= 2 ? 8 : 0) + (working ? 4 : 0), 8]);
}
