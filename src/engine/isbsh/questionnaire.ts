import { ColumnSpec, SCHOOL_CODE_SPEC, SCHOOL_NAME_SPEC, findHeader } from '../headers';
import { Shares, sharesProblem } from './formula';
import { Journal } from '../journal';
import { MAX_STUDENTS, parseNumber, parseSchoolYear, parseTimestamp } from '../parse';
import { School, SchoolRegistry, resolveSchool } from '../schools/registry';
import { schoolFromChoice } from '../schools/choice';
import { Cell, Table, cellText, isBlankRow } from '../table';
import { formatNumber, headerKey, quote } from '../text';

type Key = 'timestamp' | 'code' | 'name' | 'year' | 'total' | 'higher' | 'single' | 'register';

const NOT_TOTAL = ['оба', 'высш', 'неполн', 'учет', 'семе', 'семь', 'родител', 'доля'];

export const QUESTIONNAIRE_COLUMNS: ColumnSpec<Key>[] = [
  { key: 'timestamp', label: 'Отметка времени', any: [['отметка времени'], ['timestamp'], ['дата заполнения'], ['дата и время']] },
  { key: 'code', ...SCHOOL_CODE_SPEC },
  { key: 'name', ...SCHOOL_NAME_SPEC, none: ['код', 'логин', 'количеств', 'числен', 'обучающ', 'доля', 'учебн'] },
  { key: 'year', label: 'Учебный год', any: [['учебный год'], ['год']], none: ['отметка'] },
  { key: 'higher', label: 'оба родителя с высшим образованием', any: [['оба', 'высш'], ['родител', 'высш']], required: true },
  { key: 'single', label: 'из неполных семей', any: [['неполн']], required: true },
  { key: 'register', label: 'состоящих на учёте', any: [['учет']], none: ['учебн'], required: true },
  {
    key: 'total',
    label: 'всего обучающихся',
    any: [['всего обучающ'], ['общее количество обучающ'], ['численность обучающ'], ['общее число обучающ'], ['количество обучающ'], ['число обучающ'], ['обучающ']],
    none: NOT_TOTAL,
  },
];

export interface Response {
  school: School;
  /** 1-based sheet row. */
  row: number;
  timestamp: number | null;
  total: number | null;
  counts: { higher: number | null; single: number | null; register: number | null };
  shares: Shares;
}

export interface QuestionnaireResult {
  sheet: string;
  /** Rows with data (not counting the header). */
  rowCount: number;
  /** The response that counts, per school id (only valid ones). */
  responses: Map<string, Response>;
  /** Schools whose latest response is invalid, with the reason. */
  invalid: Map<string, { school: School; row: number; problem: string }>;
  /** The school year the responses are for, when the form asks it. */
  year: string | null;
  missingColumns: string[];
  /**
   * The latest valid response of each school for every other school year the form's «Учебный год»
   * names (DESIGN §2.6: the list of a past year takes ШНСУ only from answers for that year).
   */
  otherYears: Map<string, Map<string, Response>>;
}

interface Candidate {
  school: School;
  row: number;
  timestamp: number | null;
  values: Record<'total' | 'higher' | 'single' | 'register', Cell>;
  year: string | null;
}

type ShareMode = 'count' | 'share' | 'percent';

/** How a column gives its numbers: counts, shares (0..1) or percents (header says «%»). */
function columnMode(header: string, values: Cell[]): ShareMode {
  const key = headerKey(header);
  const isShare = / доля|^доля|%/.test(key);
  if (!isShare) return 'count';
  if (!key.includes('%')) return 'share';
  // A «%» header: numbers formatted as percent arrive as fractions (0.125 for 12,5 %).
  const numbers = values.map((v) => (typeof v === 'number' ? v : null)).filter((v): v is number => v !== null);
  return numbers.length > 0 && numbers.every((v) => v <= 1) && values.every((v) => typeof v !== 'string' || cellText(v) === '') ? 'share' : 'percent';
}

/**
 * Reads the questionnaire (DESIGN §2.4, §3.1): maps columns, keeps the latest response per school
 * (by timestamp wherever the row stands), validates it and turns it into shares h, s, r.
 */
export function readQuestionnaire(sheet: string, table: Table, registry: SchoolRegistry, journal: Journal, preferredYear: string | null): QuestionnaireResult {
  const header = findHeader(table, QUESTIONNAIRE_COLUMNS);
  const col = header.columns;
  const result: QuestionnaireResult = { sheet, rowCount: 0, responses: new Map(), invalid: new Map(), year: null, missingColumns: [], otherYears: new Map() };
  if (col.code === undefined && col.name === undefined) {
    result.missingColumns.push('Код ОО / Наименование ОО');
  }
  for (const m of header.missing) result.missingColumns.push(m.label);
  const dataRows = table.slice(header.headerRow + 1);
  result.rowCount = dataRows.filter((r) => !isBlankRow(r)).length;
  if (col.total === undefined && [col.higher, col.single, col.register].some((c) => c !== undefined && columnMode(header.headers[c], []) === 'count')) {
    result.missingColumns.push('всего обучающихся');
  }
  if (result.missingColumns.length > 0) {
    for (const m of result.missingColumns) journal.error(sheet, `Не найден столбец «${m}».`, { action: 'ИСБШ не рассчитан' });
    return result;
  }

  const modes = {} as Record<'higher' | 'single' | 'register', ShareMode>;
  for (const k of ['higher', 'single', 'register'] as const) {
    const c = col[k] as number;
    modes[k] = columnMode(header.headers[c], dataRows.map((r) => r[c] ?? null));
  }

  const candidates: Candidate[] = [];
  const bareYears = new Map<string, number>();
  dataRows.forEach((row, i) => {
    const rowNo = header.headerRow + i + 2;
    if (isBlankRow(row)) return;
    // The form's dropdown writes «Наименование (код 001)» in the name column: match by that code.
    const { code, name } = schoolFromChoice(col.code !== undefined ? cellText(row[col.code]) : '', col.name !== undefined ? cellText(row[col.name]) : '');
    const school = resolveSchool(registry, code, name, journal, sheet, rowNo);
    if (!school) return;
    let year: string | null = null;
    if (col.year !== undefined && cellText(row[col.year]) !== '') {
      const y = parseSchoolYear(row[col.year]);
      if (!y) {
        journal.error(sheet, `Учебный год «${quote(cellText(row[col.year]))}» не распознан.`, { row: rowNo, school: school.name, action: 'ответ пропущен' });
        return;
      }
      if (y.fromBareYear) bareYears.set(cellText(row[col.year]), (bareYears.get(cellText(row[col.year])) ?? 0) + 1);
      year = y.year;
    }
    let timestamp: number | null = null;
    if (col.timestamp !== undefined) {
      timestamp = parseTimestamp(row[col.timestamp]);
      if (timestamp === null) {
        journal.warning(sheet, `Отметка времени «${quote(cellText(row[col.timestamp]))}» не распознана.`, { row: rowNo, school: school.name, action: 'ответ считается более ранним, чем ответы с отметкой времени' });
      }
    }
    const values = {
      total: col.total !== undefined ? row[col.total] ?? null : null,
      higher: row[col.higher as number] ?? null,
      single: row[col.single as number] ?? null,
      register: row[col.register as number] ?? null,
    };
    candidates.push({ school, row: rowNo, timestamp, values, year });
  });
  for (const [text, n] of bareYears) {
    const y = parseSchoolYear(text);
    journal.warning(sheet, `Учебный год указан как «${quote(text)}» (${n} ${n === 1 ? 'ответ' : 'ответов'}).`, { action: `понят как ${y?.year}` });
  }

  // Which school year the responses are for, when the form asks it.
  const years = [...new Set(candidates.map((c) => c.year).filter((y): y is string => y !== null))].sort();
  let current = candidates;
  if (years.length > 0) {
    result.year = preferredYear && years.includes(preferredYear) ? preferredYear : years[years.length - 1];
    const other = candidates.filter((c) => c.year !== null && c.year !== result.year);
    if (other.length > 0) {
      journal.info(sheet, `${other.length} ${other.length === 1 ? 'ответ относится' : 'ответов относятся'} к другим учебным годам (${years.filter((y) => y !== result.year).join(', ')}).`, { action: `используются ответы за ${result.year}` });
    }
    current = candidates.filter((c) => c.year === null || c.year === result.year);
  }

  for (const { latest, superseded } of latestBySchool(current)) {
    for (const old of superseded) {
      journal.info(sheet, `Повторный ответ школы: ответ в строке ${old.row} заменён более поздним ответом в строке ${latest.row}.`, {
        row: old.row,
        school: latest.school.name,
        action: 'учитывается последний по времени ответ',
      });
    }
    const checked = validate(latest, modes);
    if (typeof checked === 'string') {
      journal.error(sheet, `Ответ школы содержит ошибку: ${checked}.`, { row: latest.row, school: latest.school.name, action: 'ИСБШ школы не рассчитан; исправьте ответ (или отправьте форму заново)' });
      result.invalid.set(latest.school.id, { school: latest.school, row: latest.row, problem: checked });
    } else {
      if (checked.note) journal.warning(sheet, checked.note, { row: latest.row, school: latest.school.name, action: 'значение понято как процент' });
      result.responses.set(latest.school.id, checked.response);
    }
  }
  for (const y of years) {
    if (y === result.year) continue;
    const valid = new Map<string, Response>();
    for (const { latest } of latestBySchool(candidates.filter((c) => c.year === y))) {
      const checked = validate(latest, modes);
      if (typeof checked !== 'string') valid.set(latest.school.id, checked.response);
    }
    result.otherYears.set(y, valid);
  }
  return result;
}

/** Per school the latest response (by timestamp wherever the row stands), with the ones it replaces; schools in the order they first appear. */
function latestBySchool(candidates: Candidate[]): { latest: Candidate; superseded: Candidate[] }[] {
  const bySchool: Candidate[][] = [];
  const order: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const list = bySchool[c.school.index];
    if (list) list.push(c);
    else {
      bySchool[c.school.index] = [c];
      order.push(c.school.index);
    }
  }
  return order.map((index) => {
    const list = bySchool[index];
    if (list.length === 1) return { latest: list[0], superseded: NONE };
    // Latest timestamp wins; without timestamps the lower row wins (Forms append at the bottom).
    const sorted = [...list].sort((a, b) => (a.timestamp ?? -Infinity) - (b.timestamp ?? -Infinity) || a.row - b.row);
    return { latest: sorted[sorted.length - 1], superseded: sorted.slice(0, -1) };
  });
}

const NONE: Candidate[] = [];

const LABELS = { total: 'всего обучающихся (N)', higher: 'оба родителя с высшим (H)', single: 'неполные семьи (S)', register: 'на учёте (R)' } as const;

function validate(c: Candidate, modes: Record<'higher' | 'single' | 'register', ShareMode>): string | { response: Response; note?: string } {
  let note: string | undefined;
  let total: number | null = null;
  if (cellText(c.values.total) !== '') {
    const n = parseNumber(c.values.total);
    if (!n || n.percent) return `«${LABELS.total}» = «${quote(cellText(c.values.total))}» не является числом`;
    if (!Number.isInteger(n.value)) return `«${LABELS.total}» = ${formatNumber(n.value, 2)} — не целое число`;
    if (n.value <= 0) return `«${LABELS.total}» должно быть больше нуля, указано ${n.value}`;
    if (n.value >= MAX_STUDENTS) return `«${LABELS.total}» = ${quote(cellText(c.values.total))} неправдоподобно велико (в школе меньше ${MAX_STUDENTS} обучающихся)`;
    total = n.value;
  }
  const counts: Response['counts'] = { higher: null, single: null, register: null };
  const shares = { h: 0, s: 0, r: 0 };
  const shareKey = { higher: 'h', single: 's', register: 'r' } as const;
  for (const k of ['higher', 'single', 'register'] as const) {
    const raw = c.values[k];
    if (cellText(raw) === '') return `не заполнено «${LABELS[k]}»`;
    const n = parseNumber(raw);
    if (!n) return `«${LABELS[k]}» = «${quote(cellText(raw))}» не является числом`;
    if (n.value < 0) return `«${LABELS[k]}» не может быть отрицательным (${quote(cellText(raw))})`;
    let share: number;
    if (modes[k] === 'count' && !n.percent) {
      if (!Number.isInteger(n.value)) return `«${LABELS[k]}» = ${quote(cellText(raw))} — количество должно быть целым`;
      if (total === null) return `не заполнено «${LABELS.total}», без него долю не вычислить`;
      if (n.value > total) return `«${LABELS[k]}» = ${n.value} больше, чем всего обучающихся (${total})`;
      counts[k] = n.value;
      share = n.value / total;
    } else if (n.percent || modes[k] === 'percent') {
      share = n.value / 100;
    } else if (n.value > 1 && n.value <= 100) {
      share = n.value / 100;
      note = `Доля «${LABELS[k]}» указана как ${quote(cellText(raw))} (больше 1).`;
    } else {
      share = n.value;
    }
    shares[shareKey[k]] = share;
  }
  const problem = sharesProblem(shares);
  if (problem) return problem;
  return { response: { school: c.school, row: c.row, timestamp: c.timestamp, total, counts, shares }, note };
}
