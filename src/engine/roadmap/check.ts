import { Journal } from '../journal';
import { ROADMAP_HEADERS, ROADMAP_MESSAGES } from '../strings';
import { Table, cellText } from '../table';
import { quote } from '../text';
import type { SchoolRegistry } from '../schools/registry';
import { MEASURE_FIELDS, RoadmapField, TrackNumber, isActiveStatus, statusKind } from './columns';
import { deadlineText, formatIsoDate, parseDeadline, parseToday } from './deadline';
import { RoadmapEntry, RoadmapLayout, readRoadmap } from './layout';
import { TrackContext, trackSchools } from './tracks';

/** A school of track 1 or 2 without one complete measure, and what its rows lack. */
export interface SchoolWithoutMeasure {
  code: string;
  name: string;
  track: 1 | 2;
  /** 1-based rows of the school in its track (none: the school is not in the roadmap). */
  rows: number[];
}

/** What «Рассчитать» finds in «Дорожная карта» (DESIGN §2.8). */
export interface RoadmapCheck {
  sheet: string;
  /** The sheet was recognised (else every count is 0 and the journal says why). */
  recognized: boolean;
  /** Measure rows (headings and blank rows aside). */
  rows: number;
  rowsByTrack: Record<TrackNumber, number>;
  schoolsWithoutMeasures: SchoolWithoutMeasure[];
  /** Rows still in force (not marked as the school's having left) that lack мера, сроки, ответственные or результаты, or whose сроки are unreadable. */
  incompleteRows: number;
  unreadableDeadlines: { row: number; text: string }[];
  /** Rows past their date whose status is not «выполнено», as of `today`. */
  overdue: { row: number; school: string; deadline: string; status: string }[];
  /** «2023-04-15», or null when the shell gave no date (then nothing is overdue). */
  today: string | null;
  layout: RoadmapLayout | null;
}

export interface RoadmapCheckInput extends TrackContext {
  registry: SchoolRegistry;
  sheet: string;
  table: Table;
  today?: string | null;
}

const FIELD_LABELS: Record<RoadmapField, string> = ROADMAP_HEADERS;

function blank(e: RoadmapEntry, f: RoadmapField): boolean {
  return cellText(e.values[f] ?? null) === '';
}

/** The measure fields of a row that are empty, and whether its «Сроки» are filled but unreadable. */
function rowGaps(e: RoadmapEntry): { missing: RoadmapField[]; unreadable: boolean } {
  const missing = MEASURE_FIELDS.filter((f) => blank(e, f));
  const unreadable = !blank(e, 'deadline') && parseDeadline(e.values.deadline ?? null) === null;
  return { missing, unreadable };
}

/**
 * Completeness of the roadmap (DESIGN §2.8), into the journal: every school of tracks 1 and 2 (as the
 * current list puts them) has a row with мера, readable сроки, ответственные and результаты; rows
 * whose сроки are not a date, a month or a quarter; rows past their date not «выполнено»; a track with
 * no measure at all. Rows marked «вышла из перечня» / «перешла в другой трек» are history and not checked.
 */
export function checkRoadmap(input: RoadmapCheckInput, journal: Journal): RoadmapCheck {
  const today = parseToday(input.today);
  const check: RoadmapCheck = {
    sheet: input.sheet,
    recognized: false,
    rows: 0,
    rowsByTrack: { 1: 0, 2: 0, 3: 0 },
    schoolsWithoutMeasures: [],
    incompleteRows: 0,
    unreadableDeadlines: [],
    overdue: [],
    today,
    layout: null,
  };
  const reading = readRoadmap(input.table, input.registry);
  if (!reading.layout) {
    journal.warning(input.sheet, ROADMAP_MESSAGES.checkUnrecognized(reading.missing.join(', ')), { action: ROADMAP_MESSAGES.checkUnrecognizedAction });
    return check;
  }
  const layout = reading.layout;
  check.recognized = true;
  check.layout = layout;
  check.rows = layout.entries.length;
  const sheet = input.sheet;
  const members = trackSchools(input);
  const memberTrack = new Map(members.map((m) => [m.school.id, m.track]));
  const stale = new Set<string>();

  for (const e of layout.entries) {
    const row = e.index + 1;
    if (e.track === null) {
      journal.warning(sheet, ROADMAP_MESSAGES.noTrack, { row, school: e.name || e.code || undefined, action: ROADMAP_MESSAGES.noTrackAction });
      continue;
    }
    check.rowsByTrack[e.track]++;
    if (e.unknownSchool && !e.continues) journal.warning(sheet, ROADMAP_MESSAGES.unknownSchool(quote(e.name || e.code)), { row, action: ROADMAP_MESSAGES.unknownSchoolAction });
    if (!isActiveStatus(e.values.status)) continue;
    const gaps = rowGaps(e);
    if (gaps.missing.length > 0 || gaps.unreadable) check.incompleteRows++;
    const school = e.school?.name ?? (e.name || e.code || undefined);
    if (gaps.unreadable) {
      const text = deadlineText(e.values.deadline);
      check.unreadableDeadlines.push({ row, text });
      journal.warning(sheet, ROADMAP_MESSAGES.unreadableDeadline(quote(text)), { row, school, action: ROADMAP_MESSAGES.deadlineHint });
    }
    const deadline = parseDeadline(e.values.deadline ?? null);
    if (today && deadline && deadline.end < today && statusKind(e.values.status) !== 'done') {
      const status = cellText(e.values.status ?? null);
      const text = deadlineText(e.values.deadline);
      check.overdue.push({ row, school: school ?? '', deadline: text, status });
      journal.warning(sheet, ROADMAP_MESSAGES.overdue(quote(text), formatIsoDate(today), quote(status)), { row, school, action: ROADMAP_MESSAGES.overdueAction });
    }
    // Once per school and track; a measure done stays as it is when its school leaves: nothing to mark.
    const staleKey = e.school ? `${e.track}|${e.school.id}` : '';
    if (e.school && (e.track === 1 || e.track === 2) && memberTrack.get(e.school.id) !== e.track && statusKind(e.values.status) !== 'done' && !stale.has(staleKey)) {
      stale.add(staleKey);
      journal.info(sheet, ROADMAP_MESSAGES.stale(e.track), { row, school: e.school.name, action: ROADMAP_MESSAGES.staleAction });
    }
  }

  const inForce = new Map<string, RoadmapEntry[]>();
  for (const e of layout.entries) {
    if (!e.school || e.track === null || !isActiveStatus(e.values.status)) continue;
    const key = `${e.track}|${e.school.id}`;
    const list = inForce.get(key);
    if (list) list.push(e);
    else inForce.set(key, [e]);
  }
  for (const m of members) {
    const rows = inForce.get(`${m.track}|${m.school.id}`) ?? [];
    const complete = rows.some((e) => {
      const g = rowGaps(e);
      return g.missing.length === 0 && !g.unreadable;
    });
    if (complete) continue;
    check.schoolsWithoutMeasures.push({ code: m.school.code, name: m.school.name, track: m.track, rows: rows.map((e) => e.index + 1) });
    if (rows.length === 0) {
      journal.warning(sheet, ROADMAP_MESSAGES.notInRoadmap(m.track), { school: m.school.name, action: ROADMAP_MESSAGES.addAction });
      continue;
    }
    const detail = rows
      .slice(0, 3)
      .map((e) => {
        const g = rowGaps(e);
        const fields = g.missing.map((f) => `«${FIELD_LABELS[f]}»`);
        if (g.unreadable) fields.push(`«${FIELD_LABELS.deadline}» (не читаются)`);
        return ROADMAP_MESSAGES.missingFields(e.index + 1, fields.join(', '));
      })
      .join('; ');
    const more = rows.length > 3 ? `; и ещё ${rows.length - 3}` : '';
    journal.warning(sheet, ROADMAP_MESSAGES.withoutMeasure(m.track, `${detail}${more}.`), { row: rows[0].index + 1, school: m.school.name, action: ROADMAP_MESSAGES.fillAction });
  }
  // Tracks 1 and 2 are covered school by school above; the municipal track needs a measure of its own.
  if (!layout.entries.some((e) => e.track === 3 && isActiveStatus(e.values.status))) {
    journal.warning(sheet, ROADMAP_MESSAGES.emptyTrack(3), { action: ROADMAP_MESSAGES.fillAction });
  }
  return check;
}
