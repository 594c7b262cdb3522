import type { SchoolOutcome } from '../analyze';
import { LowResult } from '../shnor/judge';
import { School } from '../schools/registry';
import { Cell } from '../table';
import { ROADMAP_STATUS, ROADMAP_TEXT, ROADMAP_TRACKS } from '../strings';
import { compareNames, formatNumber, formatPercent } from '../text';
import { RoadmapField, TrackNumber } from './columns';

/** What the tracks are built from: the analysis's list (the `Analysis` fields of the same names). */
export interface TrackContext {
  year: string | null;
  cutoff: number | null;
  schools: SchoolOutcome[];
}

/** A school of track 1 or 2 with what the methodology suggests for its first row. */
export interface TrackSchool {
  school: School;
  track: 1 | 2;
  /** The prefilled «Задача — действие» and «Мера — мероприятие». */
  task: string;
  measure: string;
}

export function trackHeading(track: TrackNumber): string {
  return ROADMAP_TEXT.heading(track, ROADMAP_TRACKS[track].title);
}

export function trackNote(track: TrackNumber): string {
  return ROADMAP_TEXT.headingNote(ROADMAP_TRACKS[track].goal, ROADMAP_TRACKS[track].members);
}

function lowText(l: LowResult): string {
  return `${l.procedure} (${l.year}: ${formatPercent(l.share)})`;
}

/** Low results of the analysis year: the one-low-result rule of track 2 counts these. */
function lowInYear(o: SchoolOutcome, year: string): LowResult[] {
  return (o.shnor?.lowResults ?? []).filter((l) => l.year === year);
}

/**
 * The schools of tracks 1 and 2 (DESIGN §2.8). Track 1: every ШНОР. Track 2: every ШНСУ that is
 * not ШНОР, and every school with exactly one low result in Y that is not ШНОР. Each track by name.
 */
export function trackSchools(c: TrackContext): TrackSchool[] {
  const one: TrackSchool[] = [];
  const two: TrackSchool[] = [];
  for (const o of c.schools) {
    if (o.shnor?.shnor === true) {
      const lows = (o.shnor.lowResults ?? []).slice().sort((x, y) => (x.year < y.year ? 1 : x.year > y.year ? -1 : 0));
      one.push({ school: o.school, track: 1, task: ROADMAP_TEXT.task1(lows.map(lowText).join('; ')), measure: ROADMAP_TEXT.measure1 });
      continue;
    }
    const lows = c.year ? lowInYear(o, c.year) : [];
    if (!o.shnsu && lows.length !== 1) continue;
    const tasks: string[] = [];
    if (o.shnsu && o.isbsh !== null && c.cutoff !== null) tasks.push(ROADMAP_TEXT.task2Shnsu(formatNumber(o.isbsh, 2), formatNumber(c.cutoff, 2)));
    if (lows.length === 1) tasks.push(ROADMAP_TEXT.task2Low(lowText(lows[0])));
    two.push({ school: o.school, track: 2, task: tasks.join('; '), measure: ROADMAP_TEXT.measure2 });
  }
  const byName = (x: TrackSchool, y: TrackSchool) => compareNames(x.school.name, y.school.name) || compareNames(x.school.code, y.school.code);
  return [...one.sort(byName), ...two.sort(byName)];
}

/** Track 3: municipal measures of the program (seed 000), without a school. */
export function municipalRows(): Partial<Record<RoadmapField, Cell>>[] {
  return ROADMAP_TEXT.municipal.map((m) => ({ track: 3, task: m.task, measure: m.measure, results: m.results, status: ROADMAP_STATUS.planned }));
}

/** The cells of a new row of a school, by field. */
export function schoolRow(s: TrackSchool): Partial<Record<RoadmapField, Cell>> {
  return { track: s.track, code: s.school.code, name: s.school.name, task: s.task, measure: s.measure, status: ROADMAP_STATUS.planned };
}
