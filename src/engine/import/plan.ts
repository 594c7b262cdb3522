import { Journal, JournalEntry, Level } from '../journal';
import { municipalityName } from '../municipality';
import { describeCounts, hasCounts } from '../objectivity/counts';
import { ParsedSchoolYear, parseSchoolYear } from '../parse';
import { Procedure, matchProcedure, procedureByName } from '../shnor/procedures';
import { describeNumbers } from '../shnor/results';
import { School, SchoolRegistry, readRegistry } from '../schools/registry';
import { Settings } from '../settings';
import { HEADERS, IMPORT_LAYOUT_LABELS, IMPORT_TEXT, PROTOCOL_TEXT } from '../strings';
import { Cell, SheetData, Table, cellText, isBlankRow } from '../table';
import { plural } from '../text';
import { Candidate, Numbers, Written, hasResult, keyOf } from './candidate';
import { sameCandidate } from './compare';
import { parseComparisonReport } from './comparisonReport';
import { DetectedLayout, detectLayout } from './detect';
import { ExistingConflict, compareWithExisting, readExisting } from './existing';
import { parseFisOkoMarks } from './fisOkoMarks';
import { parseGiaSchools } from './giaSchools';
import { PlanScale, ProtocolSummary, aggregateProtocol, chooseScale } from './protocolAggregate';
import { SchoolLookup, isMiss, protocolResolver, resolver } from './schoolMatch';
import { meanOf, parseStudents, studentFailed } from './students';
import { HeaderCells, canonicalRow, extendForObjectivity, layOut, targetOf } from './target';
import { ImportHints, LayoutKind, ParsedPaste, RowContext, SchoolResult, Skip, StudentResult } from './types';
import { parseVprExport } from './vprExport';
import { parseVprProtocol } from './vprProtocol';

export { sameResult } from './compare';
export type { PlanScale, ProtocolSummary } from './protocolAggregate';

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
  /** Only the objectivity counts disagree (the result itself was new or the same). */
  objectivityOnly?: boolean;
}

/** What a shell writes: `values` at (`startRow`, column 1) of `sheet`, with one call. */
export interface ImportAppend {
  sheet: string;
  /** The sheet does not exist yet. */
  createSheet: boolean;
  startRow: number;
  /** Starts with the header row when the sheet is new or empty. */
  values: Cell[][];
  /**
   * Headers of columns the sheet lacks (the journal comparison and boundary counts), written first
   * into its header row right of its last column, where every cell is blank.
   */
  header?: HeaderCells;
}

export type ImportNeed = 'procedure' | 'year' | 'scale';

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
  /** The scale of marks of a student-level ВПР protocol; null for other layouts. */
  scale: PlanScale | null;
  /** Participants, absent students and those without a journal mark, for a protocol. */
  students: ProtocolSummary | null;
  /** Rows to append, in the column order of HEADERS.results. */
  rows: Cell[][];
  /** Of them, rows carrying journal comparison or boundary counts; and rows carrying only those. */
  objectivityRows: number;
  objectivityOnlyRows: number;
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
  'vpr-protocol': parseVprProtocol,
  'fis-oko-comparison': parseComparisonReport,
};

type Context = { school: School; procedure: Procedure; year: string };

/** Logins of schools a regional paste has and «Справочник ОО» lacks: listed in one entry, this many. */
const LISTED_LOGINS = 20;

/**
 * Turns a pasted report into rows of «Результаты ОП»: recognises the layout, matches schools
 * (login first), leaves out totals, re-takes and past graduates, and compares with the rows
 * already there (same numbers → nothing added; other numbers → a conflict, never overwritten).
 * A student-level ВПР protocol is turned into P and F per school through the scale of marks, with the
 * journal comparison and the boundary counts in the optional columns.
 */
export function planImport(input: ImportInput): ImportPlan {
  const journal = new Journal();
  const sheet = input.paste.name;
  const resultsName = input.results?.name ?? input.resultsSheet ?? input.settings.resultsSheet;
  // Problems of the registry and of the existing results belong to «Рассчитать», not to the import.
  const registry = input.registry ? readRegistry(input.registry, new Journal()) : new SchoolRegistry(false);
  const existing = input.results ? readExisting(input.results, registry) : null;
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
    scale: null,
    students: null,
    rows: [],
    objectivityRows: 0,
    objectivityOnlyRows: 0,
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
  // A protocol's upload dates tell its school year when its titles (if any) do not.
  const uploadYear = !titles.year ? parsed.protocol?.uploadYear ?? null : null;
  const proposedYear = titles.year ?? uploadYear;
  plan.proposed = { procedure: titles.procedure?.name ?? null, procedureText: titles.procedureText, year: proposedYear?.year ?? null };
  const procedure = hints.procedure ?? titles.procedure;
  const year = hints.year ?? proposedYear;
  if (!hints.year && titles.year?.fromBareYear) journal.warning(sheet, IMPORT_TEXT.bareYear(titles.yearText, titles.year.year), { action: IMPORT_TEXT.checkYearAction });
  if (!hints.year && titles.yearSource === 'date' && titles.year) journal.info(sheet, IMPORT_TEXT.yearFromDate(titles.year.year));
  if (!hints.year && uploadYear) journal.info(sheet, PROTOCOL_TEXT.yearFromUpload(uploadYear.year));
  if (!parsed.perRowProcedure && !procedure) plan.needs.push('procedure');
  if (!parsed.perRowYear && !year) plan.needs.push('year');
  if (parsed.protocol) {
    plan.scale = chooseScale(input.hints?.scale, procedure, year?.year ?? null, input.settings, parsed.protocol.maxTotal, journal, sheet);
    // Without procedure and year the scale of the settings cannot be looked up yet: asked for after them.
    if (!plan.scale.value && (plan.needs.length === 0 || plan.scale.problem)) plan.needs.push('scale');
  }

  const skipped: Skip[] = [...parsed.skipped];
  const schoolIds = new Set<string>();
  const bareYears = new Map<string, string>();
  const renamed = new Map<string, string>();
  const resolve: SchoolLookup = parsed.protocol ? protocolResolver(registry, municipalityName(input.settings, registry), (from, to) => renamed.set(from, to)) : resolver(registry);
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
  const notInRegistry = new Map<string, number>();
  /** School, procedure and year of a row, or the reason it is skipped (reported once per row). */
  const contextOf = (ctx: RowContext): Context | null => {
    const school = resolve(ctx.code, ctx.name, ctx.municipality);
    if (isMiss(school)) {
      const grouped = school.kind === 'not-in-registry';
      if (grouped) notInRegistry.set(ctx.code, (notInRegistry.get(ctx.code) ?? 0) + 1);
      skipped.push({ row: ctx.row, reason: school.reason, level: school.kind === 'other-municipality' ? 'info' : 'error', school: school.kind ? undefined : ctx.name || ctx.code, journalled: grouped });
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
    if (ctx) candidates.push({ ...ctx, rows: [r.row], ...numbersOf(r), objectivity: hasCounts(r.objectivity) ? r.objectivity : null });
  }
  candidates.push(...aggregateStudents(parsed.students, contextOf, input.settings.minScores, skipped));
  if (parsed.protocol) {
    const scale = plan.scale?.value;
    if (scale && plan.needs.length === 0) {
      const aggregated = aggregateProtocol(parsed.protocol, contextOf, scale);
      candidates.push(...aggregated.candidates);
      plan.students = aggregated.summary;
      reportProtocol(aggregated.summary, aggregated.candidates.length, journal, sheet);
    } else {
      // Schools are still recognised, so that the panel can say what the protocol holds.
      for (const s of parsed.protocol.students) contextOf(s);
      plan.students = { participants: 0, absent: parsed.protocol.absentRows.length, noJournalMark: 0 };
    }
  }
  plan.schools = schoolIds.size;
  for (const [text, y] of bareYears) journal.warning(sheet, IMPORT_TEXT.bareYear(text, y), { action: IMPORT_TEXT.checkYearAction });
  for (const [from, to] of renamed) journal.info(sheet, PROTOCOL_TEXT.loginPrefix(from, to));
  if (notInRegistry.size > 0) reportNotInRegistry(notInRegistry, journal, sheet);

  const compared = compareWithExisting(dedupePaste(candidates, skipped, plan), existing, resultsName);
  plan.alreadyThere = compared.alreadyThere;
  plan.conflicts.push(...compared.conflicts.map(conflictOf));
  plan.procedures = unique(candidates.map((c) => c.procedure.name));
  plan.years = unique(candidates.map((c) => c.year));
  plan.procedure = procedure?.name ?? (plan.procedures.length === 1 ? plan.procedures[0] : null);
  plan.year = year?.year ?? (plan.years.length === 1 ? plan.years[0] : null);
  for (const c of plan.conflicts) {
    if (c.objectivityOnly) journal.error(sheet, PROTOCOL_TEXT.comparisonConflict(c.procedure, c.year, c.existing, c.imported), { row: c.row, school: c.school, action: IMPORT_TEXT.conflictAction });
    else journal.error(sheet, IMPORT_TEXT.conflict(c.procedure, c.year, c.existing, c.imported), { row: c.row, school: c.school, action: IMPORT_TEXT.conflictAction });
  }
  writeRows(plan, compared.written.sort((a, b) => a.candidate.rows[0] - b.candidate.rows[0]), input.results, resultsName, skipped, journal);
  reportSkipped(skipped, journal, sheet);
  plan.skipped = skipped.map((s) => ({ row: s.row, reason: s.reason })).sort((a, b) => a.row - b.row);
  if (plan.alreadyThere > 0) journal.info(sheet, IMPORT_TEXT.alreadyThere(plan.alreadyThere, resultsName), { action: IMPORT_TEXT.alreadyThereAction });
  if (plan.append) {
    journal.info(resultsName, IMPORT_TEXT.appended(plan.rows.length, resultsName));
    if (plan.objectivityRows > 0) journal.info(resultsName, PROTOCOL_TEXT.objectivityRows(plan.objectivityRows));
    if (plan.objectivityOnlyRows > 0) journal.info(resultsName, PROTOCOL_TEXT.supplementRows(plan.objectivityOnlyRows));
    if (plan.append.header) journal.info(resultsName, PROTOCOL_TEXT.headerAdded(resultsName, plan.append.header.values.map((v) => `«${v}»`).join(', ')));
  }
  return plan;
}

/** The rows to append, laid out in the sheet's columns; the sheet's header completed when rows need columns it lacks. */
function writeRows(plan: ImportPlan, written: Written[], results: SheetData | null, resultsName: string, skipped: Skip[], journal: Journal): void {
  const { target, header } = extendForObjectivity(targetOf(results, resultsName), written);
  plan.blocked = target.blocked;
  const values: Cell[][] = [];
  for (const w of written) {
    const row = canonicalRow(w, target.fractions);
    const laid = layOut(row, target);
    if (typeof laid === 'string') {
      skipped.push({ row: w.candidate.rows[0], reason: IMPORT_TEXT.missingTargetColumn(resultsName, laid), level: 'error', school: w.candidate.school.name });
      continue;
    }
    plan.rows.push(row);
    if (w.objectivity) plan.objectivityRows++;
    if (!w.result) plan.objectivityOnlyRows++;
    values.push(laid);
  }
  if (target.blocked) journal.error(resultsName, target.blocked, { action: IMPORT_TEXT.nothingAppendedAction });
  else if (values.length > 0) {
    plan.append = {
      sheet: resultsName,
      createSheet: !results,
      startRow: target.startRow,
      values: target.writeHeader ? [[...HEADERS.results], ...values] : values,
      ...(header && plan.objectivityRows > 0 ? { header } : {}),
    };
  }
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

/** Participants and failed per school, procedure and year, from one row per participant. */
function aggregateStudents(students: StudentResult[], contextOf: (ctx: RowContext) => Context | null, minScores: Record<string, number>, skipped: Skip[]): Candidate[] {
  const groups = new Map<string, { ctx: Context; counted: StudentResult[]; failed: number }>();
  for (const s of students) {
    const ctx = contextOf(s);
    if (!ctx) continue;
    const failed = studentFailed(s, ctx.procedure, minScores);
    if (failed === null) {
      skipped.push({ row: s.row, reason: IMPORT_TEXT.noMark, level: 'error', school: ctx.school.name });
      continue;
    }
    const key = keyOf(ctx);
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
    objectivity: null,
  }));
}

const counted = (n: number, forms: [string, string, string]): string => `${n} ${plural(n, ...forms)}`;

function reportProtocol(s: ProtocolSummary, schools: number, journal: Journal, sheet: string): void {
  const f = PROTOCOL_TEXT.forms;
  journal.info(sheet, PROTOCOL_TEXT.participants(s.participants, counted(schools, f.schools)), { action: PROTOCOL_TEXT.journalMarkNote });
  if (s.absent > 0) journal.info(sheet, PROTOCOL_TEXT.absent(counted(s.absent, f.students)), { action: PROTOCOL_TEXT.absentAction });
  if (s.noJournalMark > 0) journal.info(sheet, PROTOCOL_TEXT.noJournalMark(counted(s.noJournalMark, f.participants)), { action: PROTOCOL_TEXT.noJournalMarkAction });
}

function reportNotInRegistry(logins: Map<string, number>, journal: Journal, sheet: string): void {
  const codes = [...logins.keys()].sort();
  const rows = [...logins.values()].reduce((a, b) => a + b, 0);
  const shown = codes.slice(0, LISTED_LOGINS).join(', ') + (codes.length > LISTED_LOGINS ? ` ${PROTOCOL_TEXT.andMore(codes.length - LISTED_LOGINS)}` : '');
  journal.warning(sheet, PROTOCOL_TEXT.notInRegistry(codes.length, counted(rows, PROTOCOL_TEXT.forms.rows), shown), { action: PROTOCOL_TEXT.notInRegistryAction });
}

function describe(c: Candidate): string {
  const parts = [hasResult(c) ? describeNumbers(c) : '', c.objectivity ? describeCounts(c.objectivity) : ''].filter(Boolean);
  return parts.join('; ');
}

/** The same school, procedure and year twice in one paste: once when equal, a conflict when not. */
function dedupePaste(candidates: Candidate[], skipped: Skip[], plan: ImportPlan): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
  const kept: Candidate[] = [];
  for (const list of groups.values()) {
    const [first, ...rest] = list;
    const other = rest.find((c) => !sameCandidate(c, first));
    if (other) {
      plan.conflicts.push(conflictOf({ candidate: other, existing: `${IMPORT_TEXT.rowsLabel(String(first.rows[0]))}: ${describe(first)}`, objectivityOnly: false }));
      continue;
    }
    for (const c of rest) skipped.push({ row: c.rows[0], reason: IMPORT_TEXT.duplicateRow(first.rows[0]), level: 'info', school: c.school.name });
    kept.push(first);
  }
  return kept.sort((a, b) => a.rows[0] - b.rows[0]);
}

function conflictOf(x: ExistingConflict): ImportConflict {
  const c = x.candidate;
  const conflict: ImportConflict = { row: c.rows[0], school: c.school.name, code: c.school.code, procedure: c.procedure.name, year: c.year, existing: x.existing, imported: x.objectivityOnly && c.objectivity ? describeCounts(c.objectivity) : describe(c) };
  return x.objectivityOnly ? { ...conflict, objectivityOnly: true } : conflict;
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
    if (s.journalled) continue;
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
