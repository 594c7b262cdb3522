import { findHeader } from '../headers';
import { Journal, JournalEntry, Level } from '../journal';
import { ParsedSchoolYear, parseSchoolYear, percentColumnHoldsFractions } from '../parse';
import { Procedure, matchProcedure, procedureByName } from '../shnor/procedures';
import { RESULTS_COLUMNS, ResultRecord, describeNumbers, readResults } from '../shnor/results';
import { School, SchoolRegistry, normalizeCode, normalizeSchoolName, readRegistry } from '../schools/registry';
import { Settings } from '../settings';
import { HEADERS, IMPORT_LAYOUT_LABELS, IMPORT_TEXT } from '../strings';
import { Cell, SheetData, Table, cellText, isBlankRow } from '../table';
import { DetectedLayout, detectLayout } from './detect';
import { parseFisOkoMarks } from './fisOkoMarks';
import { parseGiaSchools } from './giaSchools';
import { meanOf, parseStudents, studentFailed } from './students';
import { ImportHints, LayoutKind, ParsedPaste, RowContext, SchoolResult, Skip, StudentResult } from './types';
import { parseVprExport } from './vprExport';

export interface ImportConflict {
  /** 1-based paste row. */
  row: number;
  school: string;
  code: string;
  procedure: string;
  year: string;
  /** The numbers already in «Результаты ОП» (or in an earlier row of the paste). */
  existing: string;
  imported: string;
}

/** What a shell writes: `values` at (`startRow`, column 1) of `sheet`, with one call. */
export interface ImportAppend {
  sheet: string;
  /** The sheet does not exist yet. */
  createSheet: boolean;
  startRow: number;
  /** Starts with the header row when the sheet is new or empty. */
  values: Cell[][];
}

export type ImportNeed = 'procedure' | 'year';

export interface ImportPlan {
  sheet: string;
  /** The results sheet rows go to. */
  resultsSheet: string;
  layout: LayoutKind | null;
  layoutLabel: string;
  /** Canonical procedure of the whole paste (hint, titles, or the only one its rows name). */
  procedure: string | null;
  year: string | null;
  /** What the paste itself says, before hints: what the sidebar proposes. */
  proposed: { procedure: string | null; procedureText: string; year: string | null };
  /** The paste names procedure / year per row (flat exports). */
  perRow: { procedure: boolean; year: boolean };
  needs: ImportNeed[];
  /** Rows to append, in the column order of HEADERS.results. */
  rows: Cell[][];
  append: ImportAppend | null;
  /** Why nothing can be appended at all (the results sheet has no usable header). */
  blocked: string | null;
  alreadyThere: number;
  conflicts: ImportConflict[];
  skipped: { row: number; reason: string }[];
  /** Schools recognised in the paste (matched to the registry). */
  schools: number;
  procedures: string[];
  years: string[];
  journal: JournalEntry[];
}

export interface ImportInput {
  paste: SheetData;
  /** «Результаты ОП» as it is now; null when the workbook has none (it will be created). */
  results: SheetData | null;
  /** Name for a results sheet to create (default «Результаты ОП»). */
  resultsSheet?: string;
  registry: Table | null;
  settings: Settings;
  hints?: ImportHints;
}

const PARSERS: Record<LayoutKind, (table: Table, d: DetectedLayout) => ParsedPaste> = {
  'fis-oko-marks': parseFisOkoMarks,
  'vpr-export': parseVprExport,
  'gia-schools': parseGiaSchools,
  students: parseStudents,
};

type Numbers = Pick<ResultRecord, 'participants' | 'failed' | 'percent' | 'mean'>;

interface Candidate extends Numbers {
  rows: number[];
  school: School;
  procedure: Procedure;
  year: string;
}

/**
 * Turns a pasted report into rows of «Результаты ОП»: recognises the layout, matches schools
 * (login first), leaves out totals, re-takes and past graduates, and compares with the rows
 * already there (same numbers → nothing added; other numbers → a conflict, never overwritten).
 */
export function planImport(input: ImportInput): ImportPlan {
  const journal = new Journal();
  const sheet = input.paste.name;
  const resultsName = input.results?.name ?? input.resultsSheet ?? input.settings.resultsSheet;
  // Problems of the registry and of the existing results belong to «Рассчитать», not to the import.
  const registry = input.registry ? readRegistry(input.registry, new Journal()) : new SchoolRegistry(false);
  const existing = input.results ? readResults(resultsName, input.results.rows, registry, new Journal()) : null;
  const hints = readHints(input.hints ?? {}, journal, sheet);
  const plan: ImportPlan = {
    sheet,
    resultsSheet: resultsName,
    layout: null,
    layoutLabel: IMPORT_TEXT.unknownLayoutLabel,
    procedure: null,
    year: null,
    proposed: { procedure: null, procedureText: '', year: null },
    perRow: { procedure: false, year: false },
    needs: [],
    rows: [],
    append: null,
    blocked: null,
    alreadyThere: 0,
    conflicts: [],
    skipped: [],
    schools: 0,
    procedures: [],
    years: [],
    journal: journal.entries,
  };
  const detected = detectLayout(input.paste.rows);
  if (!detected) {
    journal.error(sheet, input.paste.rows.every(isBlankRow) ? IMPORT_TEXT.emptyPaste : IMPORT_TEXT.unknownLayout, { action: IMPORT_TEXT.skippedAction });
    return plan;
  }
  const parsed = PARSERS[detected.kind](input.paste.rows, detected);
  const { titles } = parsed;
  plan.layout = parsed.layout;
  plan.layoutLabel = IMPORT_LAYOUT_LABELS[parsed.layout];
  plan.perRow = { procedure: parsed.perRowProcedure, year: parsed.perRowYear };
  plan.proposed = { procedure: titles.procedure?.name ?? null, procedureText: titles.procedureText, year: titles.year?.year ?? null };
  const procedure = hints.procedure ?? titles.procedure;
  const year = hints.year ?? titles.year;
  if (!hints.year && titles.year?.fromBareYear) journal.warning(sheet, IMPORT_TEXT.bareYear(titles.yearText, titles.year.year), { action: IMPORT_TEXT.checkYearAction });
  if (!hints.year && titles.yearSource === 'date' && titles.year) journal.info(sheet, IMPORT_TEXT.yearFromDate(titles.year.year));
  if (!parsed.perRowProcedure && !procedure) plan.needs.push('procedure');
  if (!parsed.perRowYear && !year) plan.needs.push('year');

  const skipped: Skip[] = [...parsed.skipped];
  const schoolIds = new Set<string>();
  const bareYears = new Map<string, string>();
  const resolve = resolver(registry);
  const procedureOf = (ctx: RowContext): Procedure | string => {
    if (!ctx.procedureText) return procedure ?? IMPORT_TEXT.noProcedure;
    // «Математика» in a «Предмет» column: the kind comes from the titles or the chosen procedure.
    return matchProcedure(`${ctx.procedureText} ${titles.kind || procedure?.kind || ''}`) ?? IMPORT_TEXT.unknownProcedure(ctx.procedureText);
  };
  const yearOf = (ctx: RowContext): ParsedSchoolYear | string => {
    const text = cellText(ctx.yearCell);
    if (!text) return year ?? IMPORT_TEXT.noYear;
    const y = parseSchoolYear(ctx.yearCell);
    if (y?.fromBareYear) bareYears.set(text, y.year);
    return y ?? IMPORT_TEXT.badYear(text);
  };
  /** School, procedure and year of a row, or the reason it is skipped (reported once per row). */
  const contextOf = (ctx: RowContext): { school: School; procedure: Procedure; year: string } | null => {
    const school = resolve(ctx.code, ctx.name);
    if ('reason' in school) {
      skipped.push({ row: ctx.row, reason: school.reason, level: 'error', school: ctx.name || ctx.code });
      return null;
    }
    schoolIds.add(school.id);
    if (plan.needs.length > 0) return null;
    const p = procedureOf(ctx);
    const y = yearOf(ctx);
    if (typeof p === 'string' || typeof y === 'string') {
      skipped.push({ row: ctx.row, reason: typeof p === 'string' ? p : (y as string), level: 'error', school: school.name });
      return null;
    }
    return { school, procedure: p, year: y.year };
  };

  const candidates: Candidate[] = [];
  for (const r of parsed.results) {
    const ctx = contextOf(r);
    if (ctx) candidates.push({ ...ctx, rows: [r.row], ...numbersOf(r) });
  }
  candidates.push(...aggregateStudents(parsed.students, contextOf, input.settings.minScores, skipped));
  plan.schools = schoolIds.size;
  for (const [text, y] of bareYears) journal.warning(sheet, IMPORT_TEXT.bareYear(text, y), { action: IMPORT_TEXT.checkYearAction });

  const fresh = compareWithExisting(dedupePaste(candidates, skipped, plan), existing, plan, resultsName);
  plan.procedures = unique(candidates.map((c) => c.procedure.name));
  plan.years = unique(candidates.map((c) => c.year));
  plan.procedure = procedure?.name ?? (plan.procedures.length === 1 ? plan.procedures[0] : null);
  plan.year = year?.year ?? (plan.years.length === 1 ? plan.years[0] : null);
  for (const c of plan.conflicts) {
    journal.error(sheet, IMPORT_TEXT.conflict(c.procedure, c.year, c.existing, c.imported), { row: c.row, school: c.school, action: IMPORT_TEXT.conflictAction });
  }

  const target = targetOf(input.results, resultsName);
  plan.blocked = target.blocked;
  const values: Cell[][] = [];
  for (const c of fresh) {
    const row = canonicalRow(c, target.fractions);
    const laid = layOut(row, target);
    if (typeof laid === 'string') {
      skipped.push({ row: c.rows[0], reason: IMPORT_TEXT.missingTargetColumn(resultsName, laid), level: 'error', school: c.school.name });
      continue;
    }
    plan.rows.push(row);
    values.push(laid);
  }
  if (target.blocked) journal.error(resultsName, target.blocked, { action: IMPORT_TEXT.nothingAppendedAction });
  else if (values.length > 0) {
    plan.append = {
      sheet: resultsName,
      createSheet: !input.results,
      startRow: target.startRow,
      values: target.writeHeader ? [[...HEADERS.results], ...values] : values,
    };
  }
  reportSkipped(skipped, journal, sheet);
  plan.skipped = skipped.map((s) => ({ row: s.row, reason: s.reason })).sort((a, b) => a.row - b.row);
  if (plan.alreadyThere > 0) journal.info(sheet, IMPORT_TEXT.alreadyThere(plan.alreadyThere, resultsName), { action: IMPORT_TEXT.alreadyThereAction });
  if (plan.append) journal.info(resultsName, IMPORT_TEXT.appended(plan.rows.length, resultsName));
  return plan;
}

function readHints(hints: ImportHints, journal: Journal, sheet: string): { procedure: Procedure | null; year: ParsedSchoolYear | null } {
  const out = { procedure: null as Procedure | null, year: null as ParsedSchoolYear | null };
  const p = (hints.procedure ?? '').trim();
  if (p) {
    out.procedure = procedureByName(p) ?? matchProcedure(p);
    if (!out.procedure) journal.error(sheet, IMPORT_TEXT.badHintProcedure(p));
  }
  const y = (hints.year ?? '').trim();
  if (y) {
    out.year = parseSchoolYear(y);
    if (!out.year) journal.error(sheet, IMPORT_TEXT.badHintYear(y));
  }
  return out;
}

function numbersOf(r: SchoolResult): Numbers {
  return { participants: r.participants, failed: r.failed, percent: r.percent, mean: r.mean };
}

/** Matches a school once per distinct code and name; never guesses (DESIGN §3.1). */
function resolver(registry: SchoolRegistry): (code: string, name: string) => School | { reason: string } {
  const cache = new Map<string, School | { reason: string }>();
  return (code, name) => {
    const key = `${normalizeCode(code)}|${normalizeSchoolName(name)}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = matchSchool(registry, code, name);
      cache.set(key, hit);
    }
    return hit;
  };
}

function matchSchool(registry: SchoolRegistry, code: string, name: string): School | { reason: string } {
  const m = registry.match(code, name);
  if (m.kind === 'matched') return m.school;
  // Without «Справочник ОО» a school is known by what the rows say (as «Рассчитать» does).
  if (!registry.fromSheet && m.kind === 'unmatched') return registry.add({ code, name: name || code });
  const list = m.candidates.map((c) => `«${c.name}»${c.code ? ` (${c.code})` : ''}`).join(', ');
  const shown = name ? `${name}${code ? ` (${code})` : ''}` : code;
  return { reason: m.kind === 'ambiguous' ? IMPORT_TEXT.ambiguousSchool(shown, list) : IMPORT_TEXT.unknownSchool(shown, list) };
}

/** Participants and failed per school, procedure and year, from one row per participant. */
function aggregateStudents(
  students: StudentResult[],
  contextOf: (ctx: RowContext) => { school: School; procedure: Procedure; year: string } | null,
  minScores: Record<string, number>,
  skipped: Skip[],
): Candidate[] {
  const groups = new Map<string, { ctx: { school: School; procedure: Procedure; year: string }; counted: StudentResult[]; failed: number }>();
  for (const s of students) {
    const ctx = contextOf(s);
    if (!ctx) continue;
    const failed = studentFailed(s, ctx.procedure, minScores);
    if (failed === null) {
      skipped.push({ row: s.row, reason: IMPORT_TEXT.noMark, level: 'error', school: ctx.school.name });
      continue;
    }
    const key = `${ctx.school.id}|${ctx.procedure.name}|${ctx.year}`;
    const g = groups.get(key) ?? { ctx, counted: [], failed: 0 };
    g.counted.push(s);
    if (failed) g.failed++;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    ...g.ctx,
    rows: g.counted.map((s) => s.row),
    participants: g.counted.length,
    failed: g.failed,
    percent: null,
    mean: meanOf(g.counted),
  }));
}

const keyOf = (c: { school: School; procedure: Procedure; year: string }): string => `${c.school.id}|${c.procedure.name}|${c.year}`;

/** Decimal places of a percentage as written (10,71 → 2). */
function decimals(value: number): number {
  const text = String(value);
  return text.includes('.') ? Math.min(text.length - text.indexOf('.') - 1, 8) : 0;
}

function percentOf(n: Numbers): number | null {
  if (n.failed !== null && n.participants !== null && n.participants > 0) return (n.failed / n.participants) * 100;
  return n.percent;
}

/** Same result: the same counts, or the same share to the precision the percentage was written with. */
export function sameResult(a: Numbers, b: Numbers): boolean {
  if (a.participants !== b.participants) return false;
  if (a.mean !== null && b.mean !== null && Math.abs(a.mean - b.mean) > 1e-9) return false;
  if (a.failed !== null && b.failed !== null) return a.failed === b.failed;
  const pa = percentOf(a);
  const pb = percentOf(b);
  if (pa === null || pb === null) return pa === pb;
  const given = [a, b].filter((n) => n.failed === null && n.percent !== null).map((n) => decimals(n.percent as number));
  const digits = Math.min(...given, 8);
  const round = (v: number) => Math.round(v * 10 ** digits);
  return round(pa) === round(pb);
}

/** The same school, procedure and year twice in one paste: once when equal, a conflict when not. */
function dedupePaste(candidates: Candidate[], skipped: Skip[], plan: ImportPlan): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
  const kept: Candidate[] = [];
  for (const list of groups.values()) {
    const [first, ...rest] = list;
    const other = rest.find((c) => !sameResult(c, first));
    if (other) {
      plan.conflicts.push(conflictOf(other, `${IMPORT_TEXT.rowsLabel(String(first.rows[0]))}: ${describeNumbers(first)}`));
      continue;
    }
    for (const c of rest) skipped.push({ row: c.rows[0], reason: IMPORT_TEXT.duplicateRow(first.rows[0]), level: 'info', school: c.school.name });
    kept.push(first);
  }
  return kept.sort((a, b) => a.rows[0] - b.rows[0]);
}

function compareWithExisting(candidates: Candidate[], existing: ReturnType<typeof readResults> | null, plan: ImportPlan, resultsName: string): Candidate[] {
  if (!existing) return candidates;
  const records = new Map(existing.records.map((r) => [keyOf({ school: r.school, procedure: r.procedure, year: r.year }), r]));
  const disputed = new Map(existing.conflicts.map((c) => [keyOf(c), c]));
  return candidates.filter((c) => {
    const there = records.get(keyOf(c));
    const dispute = disputed.get(keyOf(c));
    if (dispute) {
      plan.conflicts.push(conflictOf(c, `«${resultsName}», ${IMPORT_TEXT.rowsLabel(dispute.rows.join(', '))}`));
      return false;
    }
    if (!there) return true;
    if (sameResult(there, c)) plan.alreadyThere++;
    else plan.conflicts.push(conflictOf(c, `«${resultsName}», ${IMPORT_TEXT.rowsLabel(there.rows.join(', '))}: ${describeNumbers(there)}`));
    return false;
  });
}

function conflictOf(c: Candidate, existing: string): ImportConflict {
  return { row: c.rows[0], school: c.school.name, code: c.school.code, procedure: c.procedure.name, year: c.year, existing, imported: describeNumbers(c) };
}

interface Target {
  /** Sheet column of each canonical column (HEADERS.results order). */
  columns: (number | undefined)[];
  width: number;
  startRow: number;
  writeHeader: boolean;
  /** The sheet's «% не справившихся» holds fractions (0,35): new rows follow it. */
  fractions: boolean;
  blocked: string | null;
}

const CANONICAL_KEYS = ['year', 'code', 'name', 'procedure', 'participants', 'failed', 'failedPct', 'mean', 'category', 'stage'] as const;

/** Where new rows go: under the last row of the results sheet, in its own column order. */
function targetOf(results: SheetData | null, name: string): Target {
  const fresh: Target = { columns: CANONICAL_KEYS.map((_, i) => i), width: CANONICAL_KEYS.length, startRow: 1, writeHeader: true, fractions: false, blocked: null };
  if (!results || results.rows.every(isBlankRow)) return fresh;
  const header = findHeader(results.rows, RESULTS_COLUMNS);
  const col = header.columns;
  const missing = header.missing.map((m) => m.label);
  if (col.code === undefined && col.name === undefined) missing.push('Код ОО / Наименование ОО');
  const width = results.rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (missing.length > 0) return { ...fresh, writeHeader: false, blocked: IMPORT_TEXT.targetBlocked(name, missing.map((m) => `«${m}»`).join(', ')) };
  const pct = col.failedPct;
  return {
    columns: CANONICAL_KEYS.map((k) => col[k]),
    width,
    startRow: results.rows.length + 1,
    writeHeader: false,
    fractions: pct !== undefined && percentColumnHoldsFractions(results.rows.slice(header.headerRow + 1).map((r) => r[pct] ?? null)),
    blocked: null,
  };
}

/**
 * The percentage as text with «%» («10,71 %»): the results reader then never mistakes a column of
 * small percentages for fractions. A column already holding fractions gets a fraction.
 */
function percentCell(percent: number, fractions: boolean): Cell {
  if (fractions) return Math.round(percent * 1e8) / 1e10;
  return `${String(percent).replace('.', ',')} %`;
}

function canonicalRow(c: Candidate, fractions: boolean): Cell[] {
  const percent = c.failed === null && c.percent !== null ? percentCell(c.percent, fractions) : '';
  return [c.year, c.school.code, c.school.name, c.procedure.name, c.participants ?? '', c.failed ?? '', percent, c.mean ?? '', '', ''];
}

/** A canonical row in the sheet's columns, or the header of a column it needs and the sheet lacks. */
function layOut(row: Cell[], target: Target): Cell[] | string {
  const out: Cell[] = Array.from({ length: target.width }, () => '');
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '') continue;
    const col = target.columns[i];
    if (col !== undefined) out[col] = row[i];
    else if (CANONICAL_KEYS[i] === 'code' || CANONICAL_KEYS[i] === 'name' || CANONICAL_KEYS[i] === 'mean') continue; // the other school column identifies it; the mean is optional
    else return HEADERS.results[i];
  }
  return out;
}

/** «5, 7, 9–12». */
export function rowRanges(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(', ');
}

/** One journal entry per reason (and school): «итоговая строка «Вся выборка» (строки 8, 9)». */
function reportSkipped(skipped: Skip[], journal: Journal, sheet: string): void {
  const groups = new Map<string, { level: Level; reason: string; school?: string; rows: number[] }>();
  for (const s of skipped) {
    const key = `${s.level}|${s.reason}|${s.school ?? ''}`;
    const g = groups.get(key) ?? { level: s.level, reason: s.reason, school: s.school, rows: [] };
    g.rows.push(s.row);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const message = `${g.reason.charAt(0).toUpperCase()}${g.reason.slice(1)} (${IMPORT_TEXT.rowsLabel(rowRanges(g.rows))}).`;
    journal.add({ level: g.level, sheet, row: g.rows.reduce((a, b) => Math.min(a, b)), ...(g.school ? { school: g.school } : {}), message, action: IMPORT_TEXT.skippedAction });
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
