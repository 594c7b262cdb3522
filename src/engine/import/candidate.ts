import { ObjectivityCounts } from '../objectivity/counts';
import { Procedure } from '../shnor/procedures';
import { ResultRecord } from '../shnor/results';
import { School } from '../schools/registry';

export type Numbers = Pick<ResultRecord, 'participants' | 'failed' | 'percent' | 'mean'>;

/** One school, procedure and year the paste gives, before it is compared with «Результаты ОП». */
export interface Candidate extends Numbers {
  /** 1-based paste rows it comes from. */
  rows: number[];
  school: School;
  procedure: Procedure;
  year: string;
  /** Journal comparison and boundary counts; null when the paste has none. */
  objectivity: ObjectivityCounts | null;
}

/** What of a candidate is written: its result (P, F, %) and/or objectivity groups the sheet lacks. */
export interface Written {
  candidate: Candidate;
  result: boolean;
  objectivity: ObjectivityCounts | null;
}

/** The paste gives a result (P, F or %), not only objectivity counts. */
export function hasResult(n: Numbers): boolean {
  return n.participants !== null || n.failed !== null || n.percent !== null;
}

export const keyOf = (c: { school: School; procedure: Procedure; year: string }): string => `${c.school.id}|${c.procedure.name}|${c.year}`;
