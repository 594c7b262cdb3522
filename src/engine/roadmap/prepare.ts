import { Analysis, AnalysisInput, analyze } from '../analyze';
import { selectInputSheets } from '../inputs';
import { GeneratedSheet } from '../sheets/generated';
import { nameList } from '../summary/nameList';
import { ROADMAP_HEADERS, ROADMAP_MESSAGES, ROADMAP_SHEET, ROADMAP_STATUS, ROADMAP_TEXT } from '../strings';
import { Cell, Table, cellText } from '../table';
import { plural } from '../text';
import { RoadmapField, TRACKS, TrackNumber, isActiveStatus, statusKind } from './columns';
import { formatIsoDate, parseToday } from './deadline';
import { RoadmapEntry, RoadmapLayout, entrySchoolKey, readRoadmap } from './layout';
import { RowKind, roadmapSheet, rowStyle } from './sheet';
import { TrackSchool, municipalRows, schoolRow, trackHeading, trackNote, trackSchools } from './tracks';

/** Rows added before one row of the existing sheet (all of them at the end when `before` is its length). */
export interface RoadmapInsertion {
  before: number;
  rows: Cell[][];
  kinds: RowKind[];
  tracks: TrackNumber[];
  backgrounds: (string | null)[][];
  bold: boolean[][];
  /** Notes of the new rows (track goals on headings), 0-based within the block. */
  notes: { row: number; col: number; text: string }[];
}

/**
 * How to bring an existing «Дорожная карта» up to date in place, so that nothing the group did there
 * — values, formulas, formatting, notes, its own rows and columns — is rewritten: a few cells are set
 * (the first line, headers of missing columns, «Статус» of rows whose school left its track), notes
 * are added to those «Статус» cells, and rows are inserted. Coordinates are 0-based rows and columns
 * of the existing sheet; `cells` and `statusNotes` apply before the insertions.
 */
export interface RoadmapUpdate {
  previousWidth: number;
  width: number;
  cells: { row: number; col: number; value: Cell }[];
  /** Appended to whatever note the cell has. */
  statusNotes: { row: number; col: number; text: string }[];
  /** By `before`, ascending. */
  insertions: RoadmapInsertion[];
  statusColumn: number;
}

export interface RoadmapChanges {
  added: Record<1 | 2, string[]>;
  left: Record<1 | 2, string[]>;
  moved: Record<1 | 2, string[]>;
  returned: string[];
  columns: string[];
  headings: TrackNumber[];
  unknown: string[];
  /** Measure rows of the existing sheet, all kept. */
  kept: number;
}

export interface RoadmapPreparation {
  /** The whole sheet as it is after preparation (the CLI writes it; the add-on writes it when created). Null: refused. */
  sheet: GeneratedSheet | null;
  /** The same as edits of the existing sheet (the add-on applies them); null when the sheet is new or refused. */
  update: RoadmapUpdate | null;
  created: boolean;
  changes: RoadmapChanges;
  analysis: Analysis;
  /** What happened, in Russian, for a toast, the panel or the CLI. */
  message: string;
  /** Rows by track after preparation. */
  counts: Record<TrackNumber, number>;
}

/** The fields a new row needs and that are added as columns when the group removed them. */
const NEEDED: RoadmapField[] = ['track', 'code', 'name', 'status'];

/**
 * «Подготовить дорожную карту» (DESIGN §2.8): creates «Дорожная карта» from the current list, or
 * brings the existing one up to date — rows for schools new in a track, «вышла из перечня» (or
 * «перешла в другой трек») for the rows of schools that left it, everything else as it was.
 */
export function prepareRoadmap(input: AnalysisInput, generatedAt: string): RoadmapPreparation {
  const analysis = analyze(input);
  const name = selectInputSheets(input.sheetNames, analysis.settings).roadmap;
  const table = name ? input.tables[name] ?? [] : null;
  const changes: RoadmapChanges = { added: { 1: [], 2: [] }, left: { 1: [], 2: [] }, moved: { 1: [], 2: [] }, returned: [], columns: [], headings: [], unknown: [], kept: 0 };
  const members = trackSchools(analysis);
  const today = parseToday(input.today);
  const dateText = today ? formatIsoDate(today) : generatedAt.split(' ')[0];

  if (table === null || !name) {
    const skeleton = skeletonTable(analysis.year, generatedAt);
    const reading = readRoadmap(skeleton, analysis.registry);
    const update = planUpdate(skeleton, reading.layout as RoadmapLayout, members, changes, { created: true, generatedAt, dateText });
    const { sheet, counts } = finish(skeleton, update, ROADMAP_SHEET, analysis);
    const total = counts[1] + counts[2] + counts[3];
    const message = ROADMAP_MESSAGES.created(ROADMAP_SHEET, `${total} ${plural(total, 'строка', 'строки', 'строк')}`, counts[1], counts[2], counts[3]);
    return { sheet, update: null, created: true, changes, analysis, message: withRemarks(message, analysis, members), counts };
  }
  const reading = readRoadmap(table, analysis.registry);
  if (!reading.layout) {
    return { sheet: null, update: null, created: false, changes, analysis, message: ROADMAP_MESSAGES.notRecognized(name, reading.missing.join(', ')), counts: { 1: 0, 2: 0, 3: 0 } };
  }
  changes.kept = reading.layout.entries.length;
  const update = planUpdate(table, reading.layout, members, changes, { created: false, generatedAt, dateText });
  const { sheet, counts } = finish(table, update, name, analysis);
  return { sheet, update, created: false, changes, analysis, message: withRemarks(changesMessage(name, changes), analysis, members), counts };
}

/** A new sheet before its rows: the note, the title, the hint, the header and the three headings. */
function skeletonTable(year: string | null, generatedAt: string): Table {
  const header = Object.values(ROADMAP_HEADERS) as string[];
  const line = (text: string) => [text, ...header.slice(1).map(() => '')];
  return [line(ROADMAP_TEXT.note(generatedAt)), line(ROADMAP_TEXT.title(year)), line(ROADMAP_TEXT.hint), header, ...TRACKS.map((t) => line(trackHeading(t)))];
}

interface PlanOptions {
  created: boolean;
  generatedAt: string;
  /** «15.04.2023»: when the previous status was replaced. */
  dateText: string;
}

function planUpdate(table: Table, layout: RoadmapLayout, members: TrackSchool[], changes: RoadmapChanges, options: PlanOptions): RoadmapUpdate {
  const columns = { ...layout.columns };
  const previousWidth = layout.width;
  let width = previousWidth;
  const cells: RoadmapUpdate['cells'] = [];
  for (const f of NEEDED) {
    if (columns[f] !== undefined) continue;
    columns[f] = width++;
    cells.push({ row: layout.headerRow, col: columns[f] as number, value: ROADMAP_HEADERS[f] });
    changes.columns.push(ROADMAP_HEADERS[f]);
  }
  const statusColumn = columns.status as number;
  const first = cellText(table[0]?.[0] ?? null);
  const notePrefix = ROADMAP_TEXT.note('\u0000').split('\u0000')[0];
  if (!options.created && layout.headerRow > 0 && first.startsWith(notePrefix)) cells.push({ row: 0, col: 0, value: ROADMAP_TEXT.note(options.generatedAt) });

  const statusNotes: RoadmapUpdate['statusNotes'] = [];
  const blocks = new Map<number, { rows: Cell[][]; kinds: RowKind[]; tracks: TrackNumber[] }>();
  const insertAt = (before: number, kind: RowKind, track: TrackNumber, row: Cell[]) => {
    let block = blocks.get(before);
    if (!block) blocks.set(before, (block = { rows: [], kinds: [], tracks: [] }));
    block.rows.push(row);
    block.kinds.push(kind);
    block.tracks.push(track);
  };
  const newRow = (values: Partial<Record<RoadmapField, Cell>>): Cell[] => {
    const row: Cell[] = new Array<Cell>(width).fill('');
    for (const [f, v] of Object.entries(values) as [RoadmapField, Cell][]) if (columns[f] !== undefined && v !== undefined) row[columns[f] as number] = v;
    return row;
  };
  const headingRow = (t: TrackNumber): Cell[] => {
    const row: Cell[] = new Array<Cell>(width).fill('');
    row[Math.min(columns.track ?? 0, columns.code ?? 0, columns.name ?? 0)] = trackHeading(t);
    return row;
  };

  const unknown = new Set<string>();
  const memberOf = new Map<string, 1 | 2>();
  for (const m of members) memberOf.set(m.school.id, m.track);
  const ends = blockEnds(layout);
  const positionFor = (t: TrackNumber): number => {
    if (ends[t] !== undefined) return ends[t] as number;
    for (let lower = t - 1; lower >= 1; lower--) if (ends[lower as TrackNumber] !== undefined) return ends[lower as TrackNumber] as number;
    return layout.headerRow + 1;
  };

  for (const t of [1, 2] as const) {
    const rowsOf = new Map<string, RoadmapEntry[]>();
    for (const e of layout.entries) {
      const key = e.track === t ? entrySchoolKey(e) : null;
      if (key === null) continue;
      const list = rowsOf.get(key);
      if (list) list.push(e);
      else rowsOf.set(key, [e]);
    }
    // Schools whose rows are in this track but which are no longer in it.
    for (const [key, rows] of rowsOf) {
      const school = rows[0].school;
      if (!school) {
        unknown.add(rows[0].name || rows[0].code);
        continue;
      }
      if (memberOf.get(key) === t) continue;
      const mark = memberOf.has(key) ? ROADMAP_STATUS.moved : ROADMAP_STATUS.left;
      let marked = false;
      for (const e of rows) {
        const status = e.values.status ?? null;
        if (!isActiveStatus(status) || statusKind(status) === 'done') continue;
        cells.push({ row: e.index, col: statusColumn, value: mark });
        const before = cellText(status);
        if (before !== '') statusNotes.push({ row: e.index, col: statusColumn, text: ROADMAP_TEXT.statusBefore(options.dateText, before) });
        marked = true;
      }
      if (marked) (mark === ROADMAP_STATUS.moved ? changes.moved : changes.left)[t].push(school.name);
    }
    // Schools of the track without a row that is still theirs.
    let headingNeeded = !layout.headings.some((h) => h.track === t) && ends[t] === undefined;
    for (const m of members.filter((x) => x.track === t)) {
      const rows = rowsOf.get(m.school.id) ?? [];
      if (rows.some((e) => isActiveStatus(e.values.status))) continue;
      // At the end of the track, also for a school back on the list: the add-on inserts one block per track.
      const at = positionFor(t);
      if (headingNeeded && rows.length === 0) {
        insertAt(at, 'heading', t, headingRow(t));
        if (!options.created) changes.headings.push(t);
        headingNeeded = false;
      }
      insertAt(at, 'data', t, newRow(schoolRow(m)));
      if (options.created) continue;
      if (rows.length > 0) changes.returned.push(m.school.name);
      else changes.added[t].push(m.school.name);
    }
  }
  if (options.created) for (const values of municipalRows()) insertAt(positionFor(3), 'data', 3, newRow(values));
  changes.unknown.push(...unknown);

  const insertions: RoadmapInsertion[] = [...blocks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([before, block]) => {
      const styles = block.kinds.map((k, i) => rowStyle(k, block.tracks[i], width));
      const notes = block.kinds.flatMap((k, i) => (k === 'heading' ? [{ row: i, col: block.rows[i].findIndex((c) => c !== ''), text: trackNote(block.tracks[i]) }] : []));
      return { before, rows: block.rows, kinds: block.kinds, tracks: block.tracks, backgrounds: styles.map((s) => s.bg), bold: styles.map((s) => s.bold), notes };
    });
  return { previousWidth, width, cells, statusNotes, insertions, statusColumn };
}

/** Per track, the row after its last row or heading: where rows of new schools go. */
function blockEnds(layout: RoadmapLayout): Partial<Record<TrackNumber, number>> {
  const ends: Partial<Record<TrackNumber, number>> = {};
  const see = (t: TrackNumber | null, index: number) => {
    if (t !== null) ends[t] = Math.max(ends[t] ?? 0, index + 1);
  };
  for (const h of layout.headings) see(h.track, h.index);
  for (const e of layout.entries) see(e.track, e.index);
  return ends;
}

/** The existing table with the update applied, and where each old row went. */
export function applyRoadmapUpdate(table: Table, update: RoadmapUpdate): { table: Table; rowMap: number[] } {
  const rows = table.map((r) => {
    const copy = r.slice(0, update.width);
    while (copy.length < update.width) copy.push('');
    return copy;
  });
  for (const c of update.cells) rows[c.row][c.col] = c.value;
  const out: Table = [];
  const rowMap: number[] = [];
  let next = 0;
  for (let i = 0; i <= rows.length; i++) {
    while (next < update.insertions.length && update.insertions[next].before === i) out.push(...update.insertions[next++].rows.map((r) => r.slice()));
    if (i < rows.length) {
      rowMap[i] = out.length;
      out.push(rows[i]);
    }
  }
  return { table: out, rowMap };
}

function finish(table: Table, update: RoadmapUpdate, name: string, analysis: Analysis): { sheet: GeneratedSheet; counts: Record<TrackNumber, number> } {
  const { table: final, rowMap } = applyRoadmapUpdate(table, update);
  const layout = readRoadmap(final, analysis.registry).layout as RoadmapLayout;
  const notes = update.statusNotes.map((n) => ({ row: rowMap[n.row], col: n.col, text: n.text }));
  const counts: Record<TrackNumber, number> = { 1: 0, 2: 0, 3: 0 };
  for (const e of layout.entries) if (e.track !== null) counts[e.track]++;
  return { sheet: roadmapSheet(final, layout, name, analysis.year, notes), counts };
}

function changesMessage(name: string, c: RoadmapChanges): string {
  const parts: string[] = [];
  for (const t of [1, 2] as const) {
    if (c.added[t].length) parts.push(ROADMAP_MESSAGES.added(t, nameList(c.added[t], '; ')));
    if (c.left[t].length) parts.push(ROADMAP_MESSAGES.left(t, nameList(c.left[t], '; ')));
    if (c.moved[t].length) parts.push(ROADMAP_MESSAGES.moved(t, nameList(c.moved[t], '; ')));
  }
  if (c.returned.length) parts.push(ROADMAP_MESSAGES.returned(nameList(c.returned, '; ')));
  if (c.headings.length) parts.push(ROADMAP_MESSAGES.addedHeadings(c.headings.join(', ')));
  if (c.columns.length) parts.push(ROADMAP_MESSAGES.addedColumns(c.columns.map((h) => `«${h}»`).join(', ')));
  if (c.unknown.length) parts.push(ROADMAP_MESSAGES.unknownSchools(nameList(c.unknown, '; ')));
  const changed = parts.length > (c.unknown.length ? 1 : 0);
  return [changed ? ROADMAP_MESSAGES.updated(name) : ROADMAP_MESSAGES.unchanged(name), ...parts].join(' ');
}

function withRemarks(message: string, a: Analysis, members: TrackSchool[]): string {
  if (!a.year) return `${message} ${ROADMAP_MESSAGES.noYear}`;
  if (!members.some((m) => m.track === 1)) return `${message} ${ROADMAP_MESSAGES.noShnor}`;
  return message;
}
