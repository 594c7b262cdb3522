import { Level } from '../journal';
import type { ObjectivityCounts } from '../objectivity/counts';
import { ParsedSchoolYear } from '../parse';
import { Procedure } from '../shnor/procedures';
import { Cell } from '../table';

export type LayoutKind = 'fis-oko-marks' | 'vpr-export' | 'gia-schools' | 'students' | 'vpr-protocol' | 'fis-oko-comparison';

/** A row of the paste that is not imported, and why (never quotes a student's name). */
export interface Skip {
  /** 1-based row on the paste sheet. */
  row: number;
  reason: string;
  level: Level;
  school?: string;
  /** Reported in a journal entry of its own (many schools at once), not one per reason and school. */
  journalled?: boolean;
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
  /** The municipality the row names (student-level protocols of a region), '' when it does not. */
  municipality?: string;
}

/** One school's result as a school-level layout gives it; numbers are already checked. */
export interface SchoolResult extends RowContext {
  participants: number | null;
  failed: number | null;
  percent: number | null;
  mean: number | null;
  /** Journal comparison / boundary counts when the layout gives them (ФИС ОКО «Сравнение отметок…»). */
  objectivity?: ObjectivityCounts | null;
}

/** One participant: only what counts, never the name. */
export interface StudentResult extends RowContext {
  mark: number | null;
  score: number | null;
}

/** One student of a ВПР protocol who wrote the work: only the total and the journal mark are kept. */
export interface ProtocolStudent extends RowContext {
  total: number;
  /** The journal mark 2–5 for the previous term; null for «нет отметки», blank and anything else. */
  journalMark: number | null;
}

export interface ProtocolPaste {
  students: ProtocolStudent[];
  /** 1-based rows of students who did not write the work (no total, «отсутствовал»). */
  absentRows: number[];
  /** The sum of the task maxima when the headers give them. */
  maxTotal: number | null;
  /** The school year of the upload dates, when they all fall in one. */
  uploadYear: ParsedSchoolYear | null;
}

export interface ParsedPaste {
  layout: LayoutKind;
  titles: TitleInfo;
  perRowProcedure: boolean;
  perRowYear: boolean;
  results: SchoolResult[];
  students: StudentResult[];
  /** A student-level ВПР protocol (layout 'vpr-protocol'). */
  protocol?: ProtocolPaste;
  skipped: Skip[];
}

export interface ImportHints {
  procedure?: string;
  year?: string;
  /** The scale of marks of a ВПР protocol as typed: «7; 11; 15». */
  scale?: string;
}
