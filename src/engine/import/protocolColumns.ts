import { ColumnMap, ColumnSpec, matchHeaderRow } from '../headers';
import { Row, cellText } from '../table';
import { fold, headerKey } from '../text';

/**
 * Columns of a student-level ВПР protocol of ФИС ОКО, in its three known layouts:
 * «логин школы · … · отметка за предыдущую четверть/триместр · пол · класс · вариант · всего баллов · балл за 1 …»;
 * the sheet «Протокол»: «Пользователь · … · Школа («edu223017 | МБОУ …») · Дата загрузки · Код · Вариант · 1 (1б) … · Наименование класса · Пол · Отметка за предыдущий … · Итого баллов»;
 * the older export with Latin headers `user`, `otc`, `sum`, `a-1-grade` ….
 * The class letter («класс», «Наименование класса») and the student's code are never read: a class
 * is not a procedure, and nothing identifies a student beyond the row.
 */
export type ProtocolKey = 'login' | 'school' | 'total' | 'journalMark' | 'variant' | 'municipality' | 'uploaded';

export const PROTOCOL_COLUMNS: ColumnSpec<ProtocolKey>[] = [
  { key: 'total', label: 'Всего баллов', any: [['всего баллов'], ['итого баллов'], ['сумма баллов'], ['итоговый балл'], ['всего', 'балл'], ['итого', 'балл'], ['sum']], none: ['%', 'средн', 'макс'] },
  {
    key: 'journalMark',
    label: 'Отметка по журналу',
    any: [['отметка за предыдущ'], ['отметка по журналу'], ['отметка в журнале'], ['отметка за четверт'], ['отметка за тримест'], ['отметка за полугод'], ['otc']],
  },
  { key: 'login', label: 'Логин школы', any: [['логин школы'], ['логин оо'], ['логин'], ['user'], ['пользователь'], ['код оо']], none: ['обучающ', 'участник', 'ученик', 'региона'] },
  { key: 'school', label: 'Школа', any: [['школа'], ['наименование оо'], ['образовательная организация'], ['наименование организации'], ['оо']], none: ['код', 'логин', 'класс'] },
  { key: 'variant', label: 'Вариант', any: [['вариант'], ['variant'], ['var']] },
  { key: 'municipality', label: 'Муниципалитет', any: [['муниципалитет'], ['муниципальн'], ['municipality']], none: ['код'] },
  { key: 'uploaded', label: 'Дата загрузки', any: [['дата загрузки'], ['дата']], none: ['рожд'] },
];

export interface TaskColumn {
  column: number;
  /** The task's maximum when the header gives it («14 (2б)» → 2). */
  max: number | null;
}

export interface ProtocolColumns extends ColumnMap<ProtocolKey> {
  tasks: TaskColumn[];
  /** The sum of the tasks' maxima when every task header gives one. */
  maxTotal: number | null;
  /** A column of marks for the work itself («Отметка», «Оценка»): a list of marks, not a ВПР protocol. */
  markColumn: boolean;
}

const MARK_HEADERS = /^(отметка|оценка)( за работу| за экзамен| по пятибалльной шкале)?$/;

const TASK = [
  /^балл(?:ы)? за (?:задание )?№?\s*\d{1,2}(?:[.,]\d{1,2})?[а-яa-z]?(?:\s*\(.*\))?$/,
  /^(?:задание\s*)?№?\s*\d{1,2}(?:[.,]\d{1,2})?[а-яa-z]?(?:\s*\(\s*\d+\s*б[^)]*\))?$/,
  /^[a-z]-\d{1,2}(?:\.\d{1,2})?-grade$/,
];

/** «14 (2б)», «5 (2 б.)», «3 (1 балл)» → the maximum; null when the header does not say it. */
function taskMax(text: string): number | null {
  const m = text.match(/\(\s*(\d+)\s*б/);
  return m ? Number(m[1]) : null;
}

/** The protocol's columns in one header row: the named ones and the task columns left over. */
export function matchProtocolHeader(cells: Row): ProtocolColumns {
  const named = matchHeaderRow(cells, PROTOCOL_COLUMNS);
  const taken = new Set(Object.values(named));
  const tasks: TaskColumn[] = [];
  cells.forEach((cell, column) => {
    const text = fold(cellText(cell));
    if (taken.has(column) || text === '' || !TASK.some((re) => re.test(text))) return;
    tasks.push({ column, max: taskMax(text) });
  });
  const maxTotal = tasks.length > 0 && tasks.every((t) => t.max !== null) ? tasks.reduce((s, t) => s + (t.max as number), 0) : null;
  const markColumn = cells.some((cell, column) => !taken.has(column) && MARK_HEADERS.test(headerKey(cellText(cell))));
  return { ...named, tasks, maxTotal, markColumn };
}

/**
 * A protocol: a school and a total, with what only a protocol has (tasks, the variant, the journal
 * mark) or at least without a mark of its own, which a protocol never gives.
 */
export function isProtocolHeader(c: ProtocolColumns): boolean {
  if ((c.login === undefined && c.school === undefined) || c.total === undefined) return false;
  return c.tasks.length > 0 || c.variant !== undefined || c.journalMark !== undefined || !c.markColumn;
}
