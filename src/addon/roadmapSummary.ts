import { RoadmapCheck } from '../engine';

/** What the panel shows of «Дорожная карта» after a run (plain data for `google.script.run`). */
export interface RoadmapSummary {
  sheet: string;
  recognized: boolean;
  rows: number;
  rowsByTrack: { 1: number; 2: number; 3: number };
  /** Schools of tracks 1 and 2 without a complete measure, per school. */
  withoutMeasures: { code: string; name: string; track: 1 | 2; rows: number[] }[];
  incompleteRows: number;
  unreadable: number;
  overdue: number;
  /** «15.04.2023» the overdue count is as of; '' when unknown. */
  today: string;
}

export function roadmapSummary(check: RoadmapCheck | null): RoadmapSummary | null {
  if (!check) return null;
  return {
    sheet: check.sheet,
    recognized: check.recognized,
    rows: check.rows,
    rowsByTrack: { ...check.rowsByTrack },
    withoutMeasures: check.schoolsWithoutMeasures.map((s) => ({ code: s.code, name: s.name, track: s.track, rows: s.rows.slice() })),
    incompleteRows: check.incompleteRows,
    unreadable: check.unreadableDeadlines.length,
    overdue: check.overdue.length,
    today: check.today ? check.today.split('-').reverse().join('.') : '',
  };
}
