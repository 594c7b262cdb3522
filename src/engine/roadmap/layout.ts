import { findHeader } from '../headers';
import { School, SchoolRegistry } from '../schools/registry';
import { ROADMAP_HEADERS } from '../strings';
import { Cell, Table, cellText, isBlankRow } from '../table';
import { ROADMAP_FIELDS, ROADMAP_SPECS, RoadmapField, TrackNumber, headingTrack, parseTrack } from './columns';

/** One measure row of «Дорожная карта» as the working group left it. */
export interface RoadmapEntry {
  /** 0-based row of the table. */
  index: number;
  /** The row's track: its own «Трек», else that of the row or heading above. */
  track: TrackNumber | null;
  /** Code and name as written on the row, or on the row of the school above (a second measure). */
  code: string;
  name: string;
  /** The row names no school of its own and continues the one above. */
  continues: boolean;
  /** The registry school; null for a municipal row or a school the registry does not know. */
  school: School | null;
  /** The row names a school (by code or name) the registry does not know. */
  unknownSchool: boolean;
  values: Partial<Record<RoadmapField, Cell>>;
}

export interface RoadmapLayout {
  /** 0-based header row. */
  headerRow: number;
  columns: Partial<Record<RoadmapField, number>>;
  /** Widest row of the sheet (the user's columns included). */
  width: number;
  /** Track headings («Трек 1. …») by row. */
  headings: { index: number; track: TrackNumber }[];
  entries: RoadmapEntry[];
}

export type RoadmapReading = { layout: RoadmapLayout; missing: null } | { layout: null; missing: string[] };

/** Our columns that say which school and which track a row is for. */
const KEY_FIELDS: RoadmapField[] = ['track', 'code', 'name'];

/**
 * Reads «Дорожная карта»: the header row among the first rows (a note and a title stand above it),
 * our columns wherever they are (the group may have moved them or added its own), track headings,
 * and each measure row with its track and school. A row with neither code nor name is a further
 * measure of the school above it in the same track. Nothing is added to the registry.
 */
export function readRoadmap(table: Table, registry: SchoolRegistry): RoadmapReading {
  const found = findHeader(table, ROADMAP_SPECS, 12);
  const hasKey = KEY_FIELDS.some((f) => found.columns[f] !== undefined);
  if (found.missing.length > 0 || !hasKey) {
    const missing = found.missing.map((s) => `«${s.label}»`);
    if (!hasKey) missing.push(`«${ROADMAP_HEADERS.track}» или «${ROADMAP_HEADERS.code}»`);
    return { layout: null, missing };
  }
  const columns = found.columns;
  const width = table.reduce((w, row) => Math.max(w, row.length), 0);
  const layout: RoadmapLayout = { headerRow: found.headerRow, columns, width, headings: [], entries: [] };
  const at = (row: Cell[], f: RoadmapField): Cell => (columns[f] === undefined ? null : row[columns[f] as number] ?? null);

  let currentTrack: TrackNumber | null = null;
  let previous: RoadmapEntry | null = null;
  for (let r = found.headerRow + 1; r < table.length; r++) {
    const row = table[r] ?? [];
    if (isBlankRow(row)) continue;
    const heading = headingOf(row, columns);
    if (heading !== null) {
      layout.headings.push({ index: r, track: heading });
      currentTrack = heading;
      previous = null;
      continue;
    }
    const values: Partial<Record<RoadmapField, Cell>> = {};
    for (const f of ROADMAP_FIELDS) if (columns[f] !== undefined) values[f] = at(row, f);
    const own = parseTrack(values.track);
    const track: TrackNumber | null = own ?? currentTrack;
    currentTrack = track;
    let code = cellText(values.code ?? null);
    let name = cellText(values.name ?? null);
    const continues = code === '' && name === '' && previous !== null && previous.track === track;
    let school: School | null = null;
    let unknownSchool = false;
    if (continues && previous) {
      ({ code, name, school, unknownSchool } = previous);
    } else if (code !== '' || name !== '') {
      const match = registry.match(code, name);
      school = match.kind === 'matched' ? match.school : null;
      unknownSchool = school === null;
    }
    const entry: RoadmapEntry = { index: r, track, code, name, continues, school, unknownSchool, values };
    layout.entries.push(entry);
    previous = entry;
  }
  return { layout, missing: null };
}

/** A heading row: «Трек N. …» in one cell and none of the measure's columns filled. */
function headingOf(row: Cell[], columns: Partial<Record<RoadmapField, number>>): TrackNumber | null {
  let track: TrackNumber | null = null;
  const used = new Set(Object.values(columns));
  for (let c = 0; c < row.length; c++) {
    const text = cellText(row[c]);
    if (text === '') continue;
    const t = headingTrack(text);
    if (t !== null && track === null) {
      track = t;
      continue;
    }
    // Anything else in one of our columns makes it a measure row after all.
    if (used.has(c)) return null;
  }
  return track;
}

/** The school key of an entry for «which rows are this school's»: registry id, else the code or name as written. */
export function entrySchoolKey(e: RoadmapEntry): string | null {
  if (e.school) return e.school.id;
  if (e.code !== '') return `code?${e.code}`;
  if (e.name !== '') return `name?${e.name}`;
  return null;
}
