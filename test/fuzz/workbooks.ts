/**
 * fast-check arbitraries of coordinators' workbooks gone wrong (issue 9, «Prove it»): the sheets the
 * engine reads — registry, questionnaire, results, settings, «Мониторинг» — built from plausible
 * rows and then damaged the ways real workbooks are: wrong types, empty/duplicated/shuffled headers,
 * titles above the header, 50 000-character and emoji/RTL/zero-width strings, negative, fractional
 * and huge counts, NaN-like text, dates where numbers belong, error values, formulas, merged cells,
 * rows shorter and longer than the header, header-only and empty sheets, and user sheets named like
 * the generated ones.
 */
import fc from 'fast-check';
import { GENERATED_MARKER, HEADERS, SHEETS } from '../../src/engine/strings';
import { Cell } from '../../src/engine/table';
import { PROCEDURES } from '../../src/engine/shnor/procedures';

/** A cell as a spreadsheet file can hold it; `readValue` is what a reader must return for it. */
export type FileCell = Cell | { error: string } | { formula: string; result: number | string } | { richText: string[] };

export interface SheetModel {
  name: string;
  rows: FileCell[][];
  /** 0-based merged ranges (only in .xlsx; the covered cells are empty). */
  merges: { row: number; col: number; rows: number; cols: number }[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
}

/** The plain value a cell shows (DESIGN §3.1; test/cli-io.test.ts pins the reader's rules). */
export function readValue(cell: FileCell): Cell {
  if (cell === null || typeof cell !== 'object' || cell instanceof Date) return cell;
  if ('error' in cell) return cell.error;
  if ('formula' in cell) return cell.result;
  return cell.richText.join('');
}

/** The tables the engine sees for a workbook (as Sheets' getValues gives them: '' stays ''). */
export function tablesOf(model: WorkbookModel): { name: string; rows: Cell[][] }[] {
  return model.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(readValue)) }));
}

// ---------------------------------------------------------------------------------------------
// Values

const LONG = 50_000;

/** Strings that break naive code. Long ones are built lazily by the arbitrary, not kept here. */
const NASTY_TEXT = [
  '', ' ', '  ', 'NaN', 'nan', 'Infinity', '-Infinity', 'undefined', 'null', 'NULL', '—', '-', '–', 'н/д', 'нет данных', '?',
  '1e308', '-1e308', '1e-320', '12,5', '1 024', '1\u00a0024', '0,35', '35%', '35 %', '12.5', '٣٥', '１２', '0x1F', '+7', '-3', '007',
  '=1+2', '=HYPERLINK("http://x")', '@SUM(A1)', "'апостроф", 'ИСТИНА', 'ЛОЖЬ', 'TRUE', 'да', 'нет',
  '2022', '2021/2022', '2021-22', '2050/2051', '2022/2021', '15.01.2023', '31.02.2023 25:61:00', '2023-01-15T10:00:00Z',
  '🏫', '👩🏽‍🏫 школа', '\u202eRTL\u202c', 'مدرسة', 'בית ספר', 'a\u200bb', '\u200b', '\u200d', '\ufeffБОМ', 'е\u0301', 'Ё', 'ё',
  '#N/A', '#DIV/0!', '#REF!', 'МБОУ "СОШ № 1"', 'СОШ №1', 'средняя общеобразовательная школа № 1', 'Логин', 'Код ОО', 'Процедура',
  'ВПЛ', 'выпускник прошлых лет', 'пересдача', 'основной период', 'line\nbreak', 'tab\there', 'quote"inside', '«ёлочки»', '\\', '/', ';', ',',
];

const ERRORS = ['#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];

const longText = fc.constantFrom('x', 'Ш', '🏫', 'a\u200b', 'مد').map((unit) => unit.repeat(Math.ceil(LONG / unit.length)).slice(0, LONG));

const text = fc.oneof(
  { weight: 50, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 25, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: longText },
);

const number = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 2000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 1e15, 1e15 + 0.5, 0.1 + 0.2, -0, 5e-324, Number.MAX_SAFE_INTEGER, 0.35, 35, 0, 1) },
);

// From 1901: Excel's serial dates before March 1900 carry its 1900 leap-year bug.
const date = fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

/** Any plain value a sheet may hold. */
export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: date },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** Any value a file may hold, error values and formulas included. */
const anyFileCell: fc.Arbitrary<FileCell> = fc.oneof(
  { weight: 12, arbitrary: anyCell },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
  // ExcelJS writes no cached value for a formula whose result is '' (the reader then shows the formula).
  { weight: 1, arbitrary: fc.oneof(number, fc.constantFrom(...NASTY_TEXT.filter((t) => t !== ''))).map((result) => ({ formula: '1+1', result: result as number | string })) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('Школа', ' № ', '1', '🏫', ''), { minLength: 1, maxLength: 3 }).map((richText) => ({ richText })) },
);

/** A value meant for a column, sometimes replaced by anything (`damage` ‰ of the time). */
function damaged<T extends FileCell>(good: fc.Arbitrary<T>, damage = 30): fc.Arbitrary<FileCell> {
  return fc.noBias(fc.integer({ min: 0, max: 999 })).chain((roll) => (roll < damage ? anyFileCell : good));
}

// ---------------------------------------------------------------------------------------------
// Schools

export interface SchoolSeed {
  code: string;
  name: string;
}

const schoolNames = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `МБОУ «СОШ № ${n}»`) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `МАОУ "Гимназия №${n}"`) },
  { weight: 1, arbitrary: fc.constantFrom('МКОУ «Ивановская ООШ»', 'Лицей 7', 'школа-интернат', 'СОШ', 'Школа 🏫', 'مدرسة', '') },
  { weight: 1, arbitrary: text },
);

const schoolCodes = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 100, max: 140 }).map((n) => `sch240${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `00${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => String(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'sch240101 ', 'SCH240101') },
);

const school = fc.record({ code: schoolCodes, name: schoolNames });
const schools: fc.Arbitrary<SchoolSeed[]> = fc.oneof({ weight: 12, arbitrary: fc.array(school, { minLength: 2, maxLength: 10 }) }, { weight: 1, arbitrary: fc.array(school, { maxLength: 1 }) });

/** How a row names its school: as in the registry, by code or name only, misspelt, or nothing. */
function schoolRef(list: SchoolSeed[]): fc.Arbitrary<{ code: FileCell; name: FileCell }> {
  const known = list.length > 0 ? fc.constantFrom(...list) : fc.constant({ code: 'sch240199', name: 'МБОУ «СОШ № 99»' });
  return fc.oneof(
    { weight: 8, arbitrary: known.map((s) => ({ code: s.code, name: s.name })) },
    { weight: 1, arbitrary: known.map((s) => ({ code: '', name: s.name })) },
    { weight: 1, arbitrary: known.map((s) => ({ code: s.code, name: '' })) },
    { weight: 1, arbitrary: fc.record({ code: damaged(schoolCodes, 500), name: damaged(schoolNames, 500) }) },
  );
}

// ---------------------------------------------------------------------------------------------
// Sheets

/** Header spellings coordinators use, the canonical first. */
const REGISTRY_HEADERS = [['Код ОО', 'Логин', 'Код'], ['Наименование ОО', 'Школа', 'ОО'], ['Другие написания (через «;»)', 'Синонимы'], ['Муниципалитет', 'МО'], ['Местность']];
const QUESTIONNAIRE_HEADERS = [
  ['Отметка времени', 'Timestamp', 'Дата заполнения'],
  ['Код ОО (логин ФИС ОКО)', 'Логин', 'Код ОО'],
  ['Наименование ОО', 'Образовательная организация'],
  ['Учебный год'],
  ['Общее количество обучающихся (чел.)', 'Всего обучающихся', 'Численность обучающихся'],
  ['Количество обучающихся из семей, где оба родителя имеют высшее образование (чел.)', 'Оба родителя с высшим образованием', 'Доля: оба родителя с высшим, %'],
  ['Количество обучающихся из неполных семей (чел.)', 'Из неполных семей', 'Доля неполных семей'],
  ['Количество обучающихся, состоящих на различных видах учёта (чел.)', 'На учёте', 'Состоят на учете, %'],
];
const RESULTS_HEADERS = [
  ['Учебный год', 'Год'],
  ['Код ОО', 'Логин ОО'],
  ['Наименование ОО', 'ОО'],
  ['Процедура', 'Оценочная процедура', 'Предмет'],
  ['Участников', 'Писали', 'Кол-во участников'],
  ['Не справились', 'Получили «2»', 'Не преодолели порог'],
  ['% не справившихся', 'Доля не справившихся'],
  ['Средний балл'],
  ['Категория', 'ВПЛ'],
  ['Этап', 'Период'],
];

const YEARS = ['2019/2020', '2020/2021', '2021/2022', '2022/2023', '2023/2024'];
const yearCell = damaged(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...YEARS) }, { weight: 1, arbitrary: fc.constantFrom('2022', '2021-22', '2022–2023', '2022/2023 уч. год') }));
const count = (max: number) => damaged(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max }).map(String) }));
const procedureNames = PROCEDURES.flatMap((p) => [p.name, ...p.aliases.slice(0, 1)]);
const procedureCell = damaged(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...procedureNames) }, { weight: 1, arbitrary: fc.constantFrom('ВПР биология 5 кл.', 'Математика', 'ЕГЭ', '') }));
const timestampCell = damaged(
  fc.oneof(
    date,
    fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2019, max: 2024 }), fc.integer({ min: 0, max: 23 })).map(
      ([d, m, y, h]) => `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y} ${String(h).padStart(2, '0')}:00:00`,
    ),
  ),
);

/** A sheet before damage: its header (one spelling per column) and its data rows. */
interface Draft {
  name: string;
  header: FileCell[];
  rows: FileCell[][];
}

function headerOf(spellings: string[][]): fc.Arbitrary<FileCell[]> {
  return fc.tuple(...spellings.map((s) => fc.oneof({ weight: 60, arbitrary: fc.constant(s[0]) }, { weight: 8, arbitrary: fc.constantFrom(...s) }, { weight: 1, arbitrary: anyFileCell })));
}

function registryDraft(list: SchoolSeed[]): fc.Arbitrary<Draft> {
  return fc.record({
    name: fc.constantFrom(SHEETS.registry, 'справочник оо', 'Справочник школ'),
    header: headerOf(REGISTRY_HEADERS),
    rows: fc.tuple(...list.map((s) => fc.tuple(damaged(fc.constant(s.code), 25), damaged(fc.constant(s.name), 25), damaged(fc.constantFrom('', 'СОШ 1; Школа 1'), 25), damaged(fc.constantFrom('Северный район', ''), 25), damaged(fc.constantFrom('город', 'село'), 25)))),
  }) as fc.Arbitrary<Draft>;
}

/** A school's answer: N, then H, S, R as parts of N (so most answers are valid), each cell maybe damaged. */
function questionnaireRow(list: SchoolSeed[]): fc.Arbitrary<FileCell[]> {
  // fc.double spreads over the bit patterns (mostly tiny numbers): whole percents give real shares.
  const part = fc.noBias(fc.integer({ min: 0, max: 60 })).map((p) => p / 100);
  return fc
    .tuple(schoolRef(list), timestampCell, yearCell, fc.noBias(fc.integer({ min: 1, max: 1500 })), part, part, part, fc.boolean())
    .chain(([s, t, y, n, h, si, r, asText]) => {
      const shown = (v: number): FileCell => (asText ? String(v) : v);
      const cells: FileCell[] = [t, s.code, s.name, y, shown(n), shown(Math.floor(n * h)), shown(Math.floor(n * si)), shown(Math.floor(n * r))];
      return fc.tuple(...cells.map((c) => damaged(fc.constant(c), 25)));
    });
}

function questionnaireDraft(list: SchoolSeed[]): fc.Arbitrary<Draft> {
  return fc.record({
    name: fc.constantFrom('Ответы на форму (1)', 'Ответы на форму', 'Form Responses 1', 'Анкета школ', 'Данные школ'),
    header: headerOf(QUESTIONNAIRE_HEADERS),
    rows: fc.oneof({ weight: 12, arbitrary: fc.array(questionnaireRow(list), { minLength: list.length, maxLength: list.length + 4 }) }, { weight: 1, arbitrary: fc.array(questionnaireRow(list), { maxLength: 3 }) }),
  });
}

/** Procedures most rows are about, so that a school often has two in one year (К1) or one in both (К2). */
const COMMON_PROCEDURES = ['ВПР математика 5 кл.', 'ВПР русский язык 5 кл.', 'ОГЭ математика', 'ЕГЭ русский язык', 'КДР читательская грамотность 4 кл.'];

/** One school's results: a few procedures × years, the failed share often above the threshold. */
function resultRows(ref: fc.Arbitrary<{ code: FileCell; name: FileCell }>): fc.Arbitrary<FileCell[][]> {
  const one = fc.tuple(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...COMMON_PROCEDURES) }, { weight: 1, arbitrary: procedureCell }),
    fc.oneof({ weight: 30, arbitrary: fc.constantFrom('2021/2022', '2022/2023') }, { weight: 1, arbitrary: yearCell }),
    fc.noBias(fc.integer({ min: 1, max: 120 })),
    fc.noBias(fc.integer({ min: 0, max: 70 })).map((p) => p / 100),
    fc.constantFrom('counts', 'counts', 'counts', 'percent', 'both'),
    fc.constantFrom(null, null, null, null, null, null, null, null, null, null, 'ВПЛ', 'пересдача'),
  );
  return fc.tuple(ref, fc.array(one, { maxLength: 5 })).chain(([school, list]) =>
    fc.tuple(
      ...list.map(([procedure, year, p, u, form, extra]) => {
        const f = Math.floor(p * u);
        const pct = Math.round((f / p) * 1000) / 10;
        const cells: FileCell[] = [year, school.code, school.name, procedure, p, form === 'percent' ? null : f, form === 'counts' ? null : pct, null, extra === 'ВПЛ' ? extra : null, extra === 'пересдача' ? extra : null];
        return fc.tuple(...cells.map((c) => damaged(fc.constant(c), 25)));
      }),
    ),
  );
}

function resultsDraft(list: SchoolSeed[]): fc.Arbitrary<Draft> {
  const known = list.map((s) => resultRows(fc.constant({ code: s.code as FileCell, name: s.name as FileCell })));
  return fc.record({
    name: fc.constantFrom(SHEETS.results, 'Результаты', 'Результаты ВПР', 'результаты оп'),
    header: headerOf(RESULTS_HEADERS),
    rows: fc.tuple(fc.tuple(...known), fc.array(resultRows(schoolRef(list)), { maxLength: 2 })).map(([a, b]) => [...a.flat(), ...b.flat()]),
  });
}

const SETTING_LABELS = [
  'Учебный год анализа',
  'Граница ШНСУ',
  'Порог низкого результата, %',
  'Критерий 2: та же процедура в оба года',
  'Минимум участников для надёжного вывода',
  'ИСБШ: константа',
  'ИСБШ: вес доли «на учёте»',
  'Лист анкеты',
  'Лист результатов',
  ...PROCEDURES.map((p) => `ШНОР: учитывать ${p.name}`),
];
const settingsDraft: fc.Arbitrary<Draft> = fc.record({
  name: fc.constantFrom(SHEETS.settings, 'настройки'),
  header: fc.constant(HEADERS.settings.slice() as FileCell[]),
  rows: fc.array(
    fc.tuple(fc.constantFrom(...SETTING_LABELS), damaged(fc.constantFrom('2022/2023', 'нижний квинтиль', 'нижний квартиль', '30', '25,5', 'да', 'нет', '1', '0', 'Результаты ОП', 'Ответы на форму (1)'), 300)).map(([label, value]) => [label, value, null] as FileCell[]),
    { maxLength: 6 },
  ),
});

const monitoringDraft = (list: SchoolSeed[]): fc.Arbitrary<Draft> =>
  fc.record({
    name: fc.constant(SHEETS.monitoring),
    header: fc.constant(['Код ОО', 'Наименование ОО', '1.1.1.1', 'Педагогов всего', 'Прошли диагностику'] as FileCell[]),
    rows: fc.array(fc.tuple(schoolRef(list), damaged(fc.boolean()), count(80), count(80)).map(([s, b, t, d]) => [s.code, s.name, b, t, d]), { maxLength: 8 }),
  });

/** A sheet of the user's under a generated name, or an old generated one (marker in A1). */
const namesakeSheet: fc.Arbitrary<Draft> = fc.record({
  name: fc.constantFrom(SHEETS.summary, 'сводка', SHEETS.isbsh, SHEETS.indicators, SHEETS.journal, SHEETS.list, SHEETS.shnor, 'Сводка (расчёт)', 'Журнал импорта'),
  header: fc.oneof(fc.constant([`${GENERATED_MARKER} 01.01.2023 10:00.`] as FileCell[]), fc.array(anyFileCell, { minLength: 1, maxLength: 4 })),
  rows: fc.array(fc.array(anyFileCell, { maxLength: 4 }), { maxLength: 4 }),
});

const noiseSheet: fc.Arbitrary<Draft> = fc.record({
  name: fc.constantFrom('Лист1', 'Бюджет', 'Вставка', 'Результаты (архив)', 'Ответы на форму (2)', 'Справочник (старый)'),
  header: fc.array(anyFileCell, { maxLength: 5 }),
  rows: fc.array(fc.array(anyFileCell, { maxLength: 5 }), { maxLength: 5 }),
});

// ---------------------------------------------------------------------------------------------
// Damage to a whole sheet

interface SheetDamage {
  titles: FileCell[][];
  shuffle: number[];
  blankHeader: number | null;
  duplicateHeader: number | null;
  ragged: { row: number; cut: number | null; extra: FileCell[] }[];
  blankRows: number[];
  shape: 'normal' | 'header-only' | 'empty';
  merges: { row: number; col: number; rows: number; cols: number }[];
}

const sheetDamage: fc.Arbitrary<SheetDamage> = fc.record({
  titles: fc.oneof({ weight: 3, arbitrary: fc.constant<FileCell[][]>([]) }, { weight: 1, arbitrary: fc.array(fc.array(anyFileCell, { maxLength: 3 }), { minLength: 1, maxLength: 3 }) }),
  shuffle: fc.oneof({ weight: 3, arbitrary: fc.constant<number[]>([]) }, { weight: 1, arbitrary: fc.array(fc.nat(), { minLength: 2, maxLength: 10 }) }),
  blankHeader: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 9 }) }),
  duplicateHeader: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat({ max: 9 }) }),
  ragged: fc.array(fc.record({ row: fc.nat({ max: 40 }), cut: fc.option(fc.nat({ max: 8 })), extra: fc.array(anyFileCell, { maxLength: 3 }) }), { maxLength: 2 }),
  blankRows: fc.array(fc.nat({ max: 40 }), { maxLength: 2 }),
  shape: fc.oneof({ weight: 12, arbitrary: fc.constant('normal' as const) }, { weight: 1, arbitrary: fc.constant('header-only' as const) }, { weight: 1, arbitrary: fc.constant('empty' as const) }),
  merges: fc.array(fc.record({ row: fc.nat({ max: 6 }), col: fc.nat({ max: 6 }), rows: fc.integer({ min: 1, max: 2 }), cols: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
});

function applyDamage(draft: Draft, d: SheetDamage, withMerges: boolean): SheetModel {
  if (d.shape === 'empty') return { name: draft.name, rows: [], merges: [] };
  let header = draft.header.slice();
  let rows = d.shape === 'header-only' ? [] : draft.rows.map((r) => r.slice());
  // Shuffled columns: the same permutation for the header and every row.
  if (d.shuffle.length > 0) {
    const order = header.map((_, i) => i).sort((a, b) => (d.shuffle[a % d.shuffle.length] ?? 0) - (d.shuffle[b % d.shuffle.length] ?? 0) || a - b);
    header = order.map((i) => header[i]);
    rows = rows.map((r) => order.map((i) => r[i] ?? null));
  }
  if (d.blankHeader !== null && d.blankHeader < header.length) header[d.blankHeader] = null;
  if (d.duplicateHeader !== null && header.length > 1) header[(d.duplicateHeader + 1) % header.length] = header[d.duplicateHeader % header.length];
  for (const g of d.ragged) {
    const row = rows[g.row % Math.max(rows.length, 1)];
    if (!row) continue;
    if (g.cut !== null) row.length = Math.min(row.length, g.cut);
    row.push(...g.extra);
  }
  for (const b of d.blankRows) if (rows.length > 0) rows.splice(b % (rows.length + 1), 0, []);
  const all = [...d.titles.map((r) => r.slice()), header, ...rows];
  const merges = withMerges ? placeMerges(all, d.merges) : [];
  return { name: draft.name, rows: all, merges };
}

/** Non-overlapping merges inside the sheet; the covered cells are emptied, as a spreadsheet does. */
function placeMerges(rows: FileCell[][], wanted: SheetDamage['merges']): SheetModel['merges'] {
  const taken = new Set<string>();
  const merges: SheetModel['merges'] = [];
  for (const m of wanted) {
    if (m.rows * m.cols < 2 || m.row + m.rows > rows.length) continue;
    const cells: [number, number][] = [];
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) cells.push([r, c]);
    if (cells.some(([r, c]) => taken.has(`${r}:${c}`))) continue;
    cells.forEach(([r, c]) => taken.add(`${r}:${c}`));
    for (const [r, c] of cells.slice(1)) {
      while (rows[r].length <= c) rows[r].push(null);
      rows[r][c] = null;
    }
    merges.push(m);
  }
  return merges;
}

// ---------------------------------------------------------------------------------------------
// Workbooks

export interface WorkbookOptions {
  /** Merged ranges (only the .xlsx reader sees them). */
  merges: boolean;
  /** Every cell as text (a CSV folder holds nothing else). */
  textOnly: boolean;
}

/** A whole workbook: each input sheet present or not, damaged or not, plus namesakes and noise. */
export function workbookArb(options: WorkbookOptions): fc.Arbitrary<WorkbookModel> {
  return schools.chain((list) => {
    const sheet = (draft: fc.Arbitrary<Draft>) => fc.tuple(draft, sheetDamage).map(([dr, dm]) => applyDamage(dr, dm, options.merges));
    return fc
      .record({
        registry: fc.option(sheet(registryDraft(list)), { freq: 3 }),
        questionnaire: fc.option(sheet(questionnaireDraft(list)), { freq: 6 }),
        results: fc.option(sheet(resultsDraft(list)), { freq: 6 }),
        settings: fc.option(sheet(settingsDraft), { freq: 2 }),
        monitoring: fc.option(sheet(monitoringDraft(list)), { freq: 2 }),
        extra: fc.array(fc.oneof(sheet(namesakeSheet), sheet(noiseSheet)), { maxLength: 3 }),
      })
      .map((w) => {
        const sheets: SheetModel[] = [];
        for (const s of [w.registry, w.questionnaire, w.results, w.settings, w.monitoring, ...w.extra]) {
          // Sheet names are unique without regard to case, as in Excel and Sheets.
          if (s && !sheets.some((t) => t.name.toLowerCase() === s.name.toLowerCase())) sheets.push(s);
        }
        const model = options.textOnly ? asText({ sheets }) : { sheets };
        return Object.assign(model, { [fc.toStringMethod]: () => describeWorkbook(model) });
      });
  });
}

/** What a CSV file of the model holds: every value written as text. */
function asText(model: WorkbookModel): WorkbookModel {
  const show = (c: FileCell): FileCell => {
    const v = readValue(c);
    if (v === null) return null;
    if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}.${String(v.getUTCMonth() + 1).padStart(2, '0')}.${v.getUTCFullYear()}`;
    if (typeof v === 'number') return String(v).replace('.', ',');
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return v;
  };
  return { sheets: model.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(show)), merges: [] })) };
}

/** A short, readable rendering of a workbook for fast-check's counterexamples: long texts abbreviated. */
export function describeWorkbook(model: WorkbookModel): string {
  const cell = (c: FileCell): string => {
    if (typeof c === 'string') return JSON.stringify(c.length > 40 ? `${c.slice(0, 20)}…(${c.length} chars)` : c);
    if (c instanceof Date) return `Date(${c.toISOString()})`;
    return JSON.stringify(c);
  };
  return model.sheets
    .map((s) => `«${s.name}»${s.merges.length ? ` merges ${JSON.stringify(s.merges)}` : ''}\n${s.rows.map((r, i) => `  ${i + 1}: [${r.map(cell).join(', ')}]`).join('\n')}`)
    .join('\n');
}
