/** The example municipality, the working group's edits of «Дорожная карта» and a change of the list. */
import { AnalysisInput } from '../../src/engine/analyze';
import { Cell, Table, cellText } from '../../src/engine/table';
import { exampleSheets } from '../support/exampleWorkbook';
import { SeedSheet } from '../support/fakeSpreadsheetApp';

export const ROADMAP = 'Дорожная карта';
export const RESULTS = 'Результаты ОП';

export function inputOf(sheets: SeedSheet[], today?: string): AnalysisInput {
  return { sheetNames: sheets.map((s) => s.name), tables: Object.fromEntries(sheets.map((s) => [s.name, s.rows as Table])), today };
}

/** The example's list in 2022/2023 (see examples/municipality/README.md and `analyze`). */
export const TRACK1 = ['sch240102', 'sch240107', 'sch240113', 'sch240117', 'sch240114', 'sch240109', 'sch240120'];
/** ШНСУ not ШНОР: 08, 21, 11; one low result in Y, not ШНОР: 01, 04, 05 (sorted by name in the sheet). */
export const TRACK2 = ['sch240101', 'sch240104', 'sch240105', 'sch240108', 'sch240121', 'sch240111'];

export function headerRow(t: Table): number {
  const i = t.findIndex((r) => cellText(r[0]) === 'Трек' && cellText(r[1]) === 'Код ОО');
  if (i < 0) throw new Error('no header');
  return i;
}

export function col(t: Table, header: string): number {
  const i = t[headerRow(t)].findIndex((c) => cellText(c) === header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

/** 0-based rows of a school in a track, in sheet order (its own row and the rows under it without a code). */
export function rowsOf(t: Table, code: string, track: number): number[] {
  const out: number[] = [];
  const cCode = col(t, 'Код ОО');
  const cTrack = col(t, 'Трек');
  let current: string | null = null;
  for (let r = headerRow(t) + 1; r < t.length; r++) {
    const own = cellText(t[r][cCode]);
    const tr = cellText(t[r][cTrack]);
    if (/^Трек \d\./.test(tr)) {
      current = null;
      continue;
    }
    if (own) current = `${tr}|${own}`;
    else if (tr && tr !== cellText(t[r - 1]?.[cTrack])) current = null;
    if (current === `${track}|${code}`) out.push(r);
  }
  return out;
}

export function codesOfTrack(t: Table, track: number): string[] {
  const cCode = col(t, 'Код ОО');
  const cTrack = col(t, 'Трек');
  return t.filter((r, i) => i > headerRow(t) && cellText(r[cTrack]) === String(track) && cellText(r[cCode]) !== '').map((r) => cellText(r[cCode]));
}

function set(t: Table, row: number, header: string, value: Cell): void {
  t[row][col(t, header)] = value;
}

function blankRow(t: Table, values: Record<string, Cell>): Cell[] {
  const row: Cell[] = t[headerRow(t)].map(() => '');
  for (const [h, v] of Object.entries(values)) row[col(t, h)] = v;
  return row;
}

/**
 * What the working group types into the prepared roadmap: measures of two schools, two more rows
 * under «СОШ № 2» (one done), an extra column «Примечание», a status «выполнено» for «СОШ № 4»,
 * the municipal measure's date and people, and a municipal measure of its own at the bottom.
 */
export function groupEdits(prepared: Table): Table {
  const t = prepared.map((r) => r.slice());
  const [s02] = rowsOf(t, 'sch240102', 1);
  set(t, s02, 'Сроки', 'март 2023');
  set(t, s02, 'Ответственные', 'Иванова И. И., заместитель директора');
  set(t, s02, 'Результаты / показатели', 'Программа утверждена и размещена на сайте');
  set(t, s02, 'Статус', 'в работе');
  t.splice(
    s02 + 1,
    0,
    blankRow(t, { 'Мера — мероприятие': 'Консультации учителей математики', Сроки: 'II квартал 2023', Ответственные: 'ИМЦ', 'Результаты / показатели': 'Проведено 4 консультации', Статус: 'выполнено' }),
    blankRow(t, { 'Мера — мероприятие': 'Диагностика профессиональных дефицитов', Статус: 'запланировано' }),
  );
  const [s01] = rowsOf(t, 'sch240101', 2);
  set(t, s01, 'Сроки', '15.03.2023');
  set(t, s01, 'Ответственные', 'Петрова П. П.');
  set(t, s01, 'Результаты / показатели', 'Комплекс мер утверждён');
  set(t, s01, 'Статус', 'в работе');
  set(t, rowsOf(t, 'sch240104', 2)[0], 'Статус', 'выполнено');
  const firstMunicipal = t.findIndex((r, i) => i > headerRow(t) && cellText(r[col(t, 'Трек')]) === '3');
  set(t, firstMunicipal, 'Сроки', 'сентябрь 2023');
  set(t, firstMunicipal, 'Ответственные', 'Управление образования');
  t.push(blankRow(t, { Трек: 3, 'Мера — мероприятие': 'Муниципальная конференция', Сроки: 'апрель 2023', Ответственные: 'ИМЦ', 'Результаты / показатели': 'Сборник материалов', Статус: 'запланировано' }));
  // An extra column at the right.
  const extra = t[headerRow(t)].length;
  t.forEach((r) => (r[extra] = ''));
  t[headerRow(t)][extra] = 'Примечание';
  t[s02][extra] = 'на контроле у начальника';
  t[s02 + 1][extra] = 'перенесено с февраля';
  t[firstMunicipal][extra] = 'согласовать с ИМЦ';
  return t;
}

function editResults(rows: SeedSheet['rows'], code: string, procedure: string, failed: number): void {
  const row = rows.find((r) => r[0] === '2022/2023' && r[1] === code && r[3] === procedure);
  if (!row) throw new Error(`no result ${code} ${procedure}`);
  row[5] = failed;
  row[6] = '';
}

/**
 * The list of 2022/2023 after the results were corrected: «СОШ № 2» has no low result any more (it
 * leaves track 1 and the list), «СОШ № 1» has a second one (ШНОР: from track 2 to track 1),
 * «Гимназия № 3» has one (new in track 2).
 */
export function changedList(sheets: SeedSheet[]): SeedSheet[] {
  return sheets.map((s) => {
    if (s.name !== RESULTS) return s;
    const rows = s.rows.map((r) => r.slice());
    editResults(rows, 'sch240102', 'ВПР 5 кл. математика', 5);
    editResults(rows, 'sch240102', 'ОГЭ (математика)', 5);
    editResults(rows, 'sch240101', 'ОГЭ (математика)', 30);
    editResults(rows, 'sch240103', 'ВПР русский язык 5 кл.', 30);
    return { ...s, rows };
  });
}

export { exampleSheets };

/**
 * A synthetic municipality of `n` schools (n divisible by 4): ИСБШ falls with the number, so the last
 * quarter is ШНСУ; every fourth school is ШНОР (two low results in 2022/2023); with `changed`, the
 * ШНОР of the first half have no low result any more and the schools after them get two.
 */
export function syntheticSheets(n: number, changed = false): SeedSheet[] {
  const Y = '2022/2023';
  const code = (i: number) => `m${String(i).padStart(5, '0')}`;
  const registry: SeedSheet['rows'] = [['Код ОО', 'Наименование ОО']];
  const answers: SeedSheet['rows'] = [['Отметка времени', 'Код ОО', 'Наименование ОО', 'Учебный год', 'Общее количество обучающихся', 'Количество обучающихся из семей, где оба родителя имеют высшее образование', 'Количество обучающихся из неполных семей', 'Количество обучающихся, состоящих на различных видах учёта']];
  const results: SeedSheet['rows'] = [['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились']];
  for (let i = 0; i < n; i++) {
    const name = `Школа № ${i + 1}`;
    registry.push([code(i), name]);
    answers.push(['10.01.2023 10:00:00', code(i), name, Y, 1000, 400, 200, Math.round((i * 300) / n)]);
    const shnor = changed ? (i % 4 === 0 && i >= n / 2) || (i % 4 === 1 && i < n / 2) : i % 4 === 0;
    for (const procedure of ['ОГЭ математика', 'ОГЭ русский язык']) results.push([Y, code(i), name, procedure, 20, shnor ? 8 : 1]);
  }
  return [
    { name: 'Справочник ОО', rows: registry },
    { name: 'Ответы на форму (1)', rows: answers },
    { name: RESULTS, rows: results },
  ];
}
