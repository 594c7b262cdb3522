import { Row, Table } from '../table';
import { DetectedLayout } from './detect';
import { rowProcedureWords } from './rows';
import { ParsedPaste } from './types';
import { readMarkRows } from './vprMarks';

/** A flat ВПР export: one row per school, year, class and subject; the procedure follows from Класс and Предмет. */
export function parseVprExport(table: Table, d: DetectedLayout): ParsedPaste {
  const c = d.columns;
  return readMarkRows(table, d, { procedureOf: (cells: Row) => rowProcedureWords(cells, c), rowsWithoutLoginAreTotals: false });
}
