import { Table } from '../table';
import { DetectedLayout } from './detect';
import { ParsedPaste } from './types';
import { readMarkRows } from './vprMarks';

/**
 * ФИС ОКО «Статистика по отметкам» (ВПР): the titles name subject, class and year; aggregate rows
 * («Вся выборка», the region, the municipality) stand among school rows «(sch243325) МБОУ …».
 */
export function parseFisOkoMarks(table: Table, d: DetectedLayout): ParsedPaste {
  return readMarkRows(table, d, { procedureOf: () => '', rowsWithoutLoginAreTotals: true });
}
