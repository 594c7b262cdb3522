/**
 * A small municipality built for the indicator tests: ten schools, results for 2020/2021–2022/2023
 * and questionnaire answers for two years, so that the list and its changes are known by hand.
 *
 * 2022/2023 (Y): ШНСУ = s01, s02, s03 (the three lowest ИСБШ); ШНОР = s02 (К2) and s04 (К1).
 * The list: s01, s02 (ШНОР и ШНСУ), s03, s04.
 * 2021/2022 recomputed: ШНОР = s05 (К1; no 2020/2021 results, so К2 cannot hold), ШНСУ = s01, s02, s05.
 */
import { AnalysisInput } from '../../src/engine/analyze';
import { Cell, Table } from '../../src/engine/table';

export const Y = '2022/2023';
export const PREV = '2021/2022';

export const SCHOOLS: [string, string][] = [
  ['s01', 'Школа 1'],
  ['s02', 'Школа 2'],
  ['s03', 'Школа 3'],
  ['s04', 'Школа 4'],
  ['s05', 'Школа 5'],
  ['s06', 'Школа 6'],
  ['s07', 'Школа 7'],
  ['s08', 'Школа 8'],
  ['s09', 'Школа 9'],
  ['s10', 'Школа 10'],
];

export function registry(schools = SCHOOLS): Table {
  return [['Код ОО', 'Наименование ОО'], ...schools.map(([c, n]) => [c, n])];
}

const Q_HEAD = [
  'Отметка времени',
  'Код ОО',
  'Наименование ОО',
  'Учебный год',
  'Общее количество обучающихся',
  'Количество обучающихся из семей, где оба родителя имеют высшее образование',
  'Количество обучающихся из неполных семей',
  'Количество обучающихся, состоящих на различных видах учёта',
];

/** Per school: [H, S, R] of 100 students. ИСБШ = 85 + 15h − 20s − 65r. */
export const ANSWERS_Y: Record<string, [number, number, number]> = {
  s01: [10, 40, 20], // 65,5
  s02: [10, 40, 15], // 68,75
  s03: [20, 30, 10], // 75,5
  s04: [40, 20, 2],
  s05: [40, 20, 3],
  s06: [40, 20, 4],
  s07: [40, 20, 5],
  s08: [40, 20, 6],
  s09: [40, 20, 7],
  s10: [40, 20, 8],
};
/** In 2021/2022 s05 was among the three lowest instead of s03. */
export const ANSWERS_PREV: Record<string, [number, number, number]> = { ...ANSWERS_Y, s03: [40, 20, 9], s05: [10, 40, 12] };

export function questionnaire(withPrev = true): Table {
  const rows: Cell[][] = [Q_HEAD];
  const add = (year: string, answers: Record<string, [number, number, number]>) => {
    for (const [code, name] of SCHOOLS) {
      const a = answers[code];
      if (a) rows.push([`10.01.${year.slice(5)} 10:00:00`, code, name, year, 100, ...a]);
    }
  };
  if (withPrev) add(PREV, ANSWERS_PREV);
  add(Y, ANSWERS_Y);
  return rows;
}

const R_HEAD = ['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились', 'Средний балл'];

export type ResultRow = [year: string, code: string, procedure: string, participants: number, failed: number, mean?: number];

/**
 * ШНОР in Y: s04 (К1: two low procedures in Y). s02 has one low in Y and one in Y−1 (К2).
 * In Y−1 s05 had two lows (К1 for Y−1) and none in Y, so it leaves the ШНОР list.
 * ОГЭ математика dynamics of the list (s01–s04): s01 better, s02 same, s03 no Y−1, s04 better.
 */
export const RESULTS: ResultRow[] = [
  [PREV, 's01', 'ОГЭ математика', 20, 5, 3.4],
  [Y, 's01', 'ОГЭ математика', 20, 2, 3.9],
  [PREV, 's02', 'ОГЭ математика', 20, 6, 3.5],
  [Y, 's02', 'ОГЭ математика', 20, 6, 3.6],
  [Y, 's03', 'ОГЭ математика', 20, 1, 4.1],
  [PREV, 's04', 'ОГЭ математика', 20, 10, 3.0],
  [Y, 's04', 'ОГЭ математика', 20, 7, 3.1],
  [Y, 's04', 'ВПР математика 5 кл.', 40, 12],
  [PREV, 's05', 'ВПР математика 5 кл.', 40, 20],
  [PREV, 's05', 'ОГЭ русский язык', 20, 8],
  [Y, 's05', 'ВПР математика 5 кл.', 40, 2],
];

export function results(rows: ResultRow[] = RESULTS): Table {
  return [R_HEAD, ...rows.map(([year, code, procedure, p, f, mean]) => [year, code, SCHOOLS.find((s) => s[0] === code)?.[1] ?? code, procedure, p, f, mean ?? ''])];
}

export function workbook(extra: Record<string, Table> = {}, parts: { registry?: Table; questionnaire?: Table; results?: Table } = {}): AnalysisInput {
  const tables: Record<string, Table> = {
    'Справочник ОО': parts.registry ?? registry(),
    'Ответы на форму (1)': parts.questionnaire ?? questionnaire(),
    'Результаты ОП': parts.results ?? results(),
    ...extra,
  };
  return { sheetNames: Object.keys(tables), tables };
}
