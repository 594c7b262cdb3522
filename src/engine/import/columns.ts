import { ColumnMap, ColumnSpec, matchHeaderRow } from '../headers';
import { Row, cellText } from '../table';
import { headerKey } from '../text';

export type ImportKey =
  | 'participants'
  | 'failedPct'
  | 'failed'
  | 'mean'
  | 'year'
  | 'grade'
  | 'subject'
  | 'procedure'
  | 'category'
  | 'stage'
  | 'code'
  | 'student'
  | 'mark'
  | 'testScore'
  | 'score'
  | 'name';

const NOT_COUNT = ['%', 'доля', 'процент'];

/**
 * Header words of the pasted reports. Order matters: `matchHeaderRow` gives a column to the first
 * spec that matches it, so «Кол-во участников» is taken before the student column could be.
 */
export const IMPORT_COLUMNS: ColumnSpec<ImportKey>[] = [
  {
    key: 'participants',
    label: 'Кол-во участников',
    any: [['участников'], ['кол', 'участ'], ['количество', 'участ'], ['число', 'участ'], ['участвовал'], ['писали'], ['сдавали']],
    none: [...NOT_COUNT, 'не справ', 'не преодол', 'получ', 'код', 'номер', 'групп'],
  },
  {
    key: 'failedPct',
    label: '% не справившихся',
    any: [['%', 'не справ'], ['%', 'не преодол'], ['%', 'получ', '2'], ['%', 'неудовлетвор'], ['%', 'двоек'], ['%', 'ниже минимальн'], ['доля', 'не справ'], ['доля', 'не преодол'], ['доля', 'получили'], ['процент', 'не справ'], ['процент', 'не преодол']],
  },
  {
    key: 'failed',
    label: 'Не справились',
    any: [['не справ'], ['не преодол'], ['получ', '2'], ['неудовлетвор'], ['двоек'], ['ниже минимальн'], ['отметок', '2']],
    none: NOT_COUNT,
  },
  { key: 'mean', label: 'Средний балл', any: [['средний балл'], ['ср балл'], ['средний тестовый балл'], ['средний первичный балл']] },
  { key: 'year', label: 'Год', any: [['учебный год'], ['год']], none: ['рожд'] },
  { key: 'grade', label: 'Класс', any: [['класс'], ['параллел']], none: ['кол'] },
  { key: 'subject', label: 'Предмет', any: [['предмет'], ['учебный предмет']] },
  { key: 'procedure', label: 'Процедура', any: [['процедур'], ['вид работы'], ['работа'], ['экзамен']], none: ['кол'] },
  { key: 'category', label: 'Категория', any: [['категори'], ['впл'], ['выпускник прошлых лет']] },
  { key: 'stage', label: 'Этап', any: [['этап'], ['волна'], ['период'], ['срок']], none: ['учебн'] },
  { key: 'code', label: 'Логин', any: [['логин'], ['код оо'], ['код']], none: ['участник', 'ппэ', 'предмет', 'работ', 'муниципал'] },
  { key: 'student', label: 'Участник', any: [['фио'], ['фамилия'], ['участник'], ['обучающийся'], ['ученик']], none: ['кол', 'количество', 'число', 'участников'] },
  { key: 'mark', label: 'Отметка', any: [['отметка'], ['оценка']], none: [...NOT_COUNT, 'кол', 'количество', 'распределени', 'средн'] },
  { key: 'testScore', label: 'Тестовый балл', any: [['тестовый балл'], ['тестов']], none: ['средн', 'ср балл', 'мин', 'макс'] },
  { key: 'score', label: 'Балл', any: [['балл'], ['первичный балл']], none: [...NOT_COUNT, 'средн', 'ср балл', 'мин', 'макс', 'распределени', 'групп', 'кол'] },
  {
    key: 'name',
    label: 'ОО',
    any: [['наименование оо'], ['образовательная организация'], ['наименование'], ['школа'], ['оо'], ['организация'], ['учреждение']],
    none: ['код', 'логин', 'кол', 'количество', 'число', 'тип'],
  },
];

export interface ImportColumns extends ColumnMap<ImportKey> {
  /** Columns «2», «3», «4», «5» of a ФИС ОКО mark distribution (percentages). */
  marks?: [number, number, number, number];
}

/** Finds the columns of one (possibly merged) header row. */
export function matchImportHeader(cells: Row): ImportColumns {
  const columns: ImportColumns = matchHeaderRow(cells, IMPORT_COLUMNS);
  const keys = cells.map((c) => headerKey(cellText(c)));
  const marks = ['2', '3', '4', '5'].map((m) => keys.indexOf(m));
  if (marks.every((i) => i >= 0)) {
    columns.marks = marks as [number, number, number, number];
    // A «2» header must not also be read as a school or count column.
    for (const k of Object.keys(columns) as ImportKey[]) if (marks.includes(columns[k] as number)) delete columns[k];
  }
  return columns;
}

/**
 * A heading merged over two rows arrives as its text in the upper row and blanks below it
 * («Распределение групп баллов в %» over «2 3 4 5»): the lower row, completed from the upper one.
 */
export function mergeHeaderRows(upper: Row, lower: Row): Row {
  const width = Math.max(upper.length, lower.length);
  return Array.from({ length: width }, (_, c) => (cellText(lower[c]) !== '' ? lower[c] : upper[c] ?? null));
}
