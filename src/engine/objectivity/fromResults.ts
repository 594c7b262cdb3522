import { Journal } from '../journal';
import { readResults } from '../shnor/results';
import { SchoolRegistry } from '../schools/registry';
import { Table } from '../table';
import { ObjectivityInput } from './judge';

export interface ResultsObjectivity {
  inputs: ObjectivityInput[];
  /** 0-based rows of the table that hold objectivity counts and no result (P, F and % blank). */
  objectivityOnlyRows: Set<number>;
}

/**
 * The objectivity counts of «Результаты ОП» (the optional columns «Понизили» … «Минимум «4» − 1»),
 * as the results reader reads them in its one pass: one input per row that has them.
 */
export function readResultsObjectivity(sheet: string, table: Table, registry: SchoolRegistry, journal: Journal): ResultsObjectivity {
  const data = readResults(sheet, table, registry, journal);
  return { inputs: data.objectivity, objectivityOnlyRows: data.objectivityOnlyRows };
}
