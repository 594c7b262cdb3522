import { Level } from '../journal';
import { ParsedSchoolYear } from '../parse';
import { Procedure } from '../shnor/procedures';
import { Cell } from '../table';

export type LayoutKind = 'fis-oko-marks' | 'vpr-export' | 'gia-schools' | 'students';

/** A row of the paste that is not imported, and why (never quotes a student's name). */
export interface Skip {
  /** 1-based row on the paste sheet. */
  row: number;
  reason: string;
  level: Level;
  school?: string;
}

/** What the lines above the table say. */
export interface TitleInfo {
  /** Procedure as read («ВПР математика 5 класс»), '' when the titles name none. */
  procedureText: string;
  procedure: Procedure | null;
  year: ParsedSchoolYear | null;
  /** How the year was read: an explicit school year, a date, or a bare calendar year. */
  yearSource: 'school-year' | 'date' | 'bare' | null;
  yearText: string;
  /** «ВПР», «ОГЭ», «ЕГЭ», «КДР» when the titles say it (completes per-row subjects). */
  kind: string;
}

/** Where a row says its own procedure or year (flat exports, tables with a «Предмет» column). */
export interface RowContext {
  row: number;
  code: string;
  name: string;
  /** Per-row procedure words (subject, class, kind), '' when the paste has no such column. */
  procedureText: string;
  yearCell: Cell;
}

/** One school's result as a school-level layout gives it; numbers are already checked. */
export interface SchoolResult extends RowContext {
  participants: number | null;
  failed: number | null;
  percent: number | null;
  mean: number | null;
}

/** One participant: only what counts, never the name. */
export interface StudentResult extends RowContext {
  mark: number | null;
  score: number | null;
}

export interface ParsedPaste {
  layout: LayoutKind;
  titles: TitleInfo;
  perRowProcedure: boolean;
  perRowYear: boolean;
  results: SchoolResult[];
  students: StudentResult[];
  skipped: Skip[];
}

export interface ImportHints {
  procedure?: string;
  year?: string;
}
