// A municipality for the history (issue 13): four years of results, questionnaire answers for the
// last two, an approved list for 2021/2022. Every expected value in history.test.ts is worked out by
// hand from these rows (the arithmetic is in the comments there), not by the engine.
import { HEADERS, Table } from '../../src/engine';

export const YEARS = ['2019/2020', '2020/2021', '2021/2022', '2022/2023'];
export const Y = '2022/2023';
export const PREV = '2021/2022';

const NAMES: Record<string, string> = { A: 'Школа А', B: 'Школа Б', C: 'Школа В', D: 'Школа Г', E: 'Школа Д', F: 'Школа Е' };
const code = (k: string) => `s${k}`;

export const registry: Table = [['Код ОО', 'Наименование ОО', 'Другие написания (через «;»)', 'Муниципалитет', 'Местность'], ...Object.keys(NAMES).map((k) => [code(k), NAMES[k], '', 'Тестовый район', 'город'])];

/** N = 100, so h = H/100 … ; ИСБШ = 85 + 15h − 20s − 65r. */
const ANSWERS: Record<string, Record<string, [number, number, number]>> = {
  [PREV]: { A: [20, 30, 10], B: [40, 10, 2], C: [40, 5, 1], D: [30, 20, 5], E: [50, 5, 1], F: [25, 25, 20] },
  [Y]: { A: [20, 30, 10], B: [40, 10, 2], C: [40, 5, 1], D: [30, 20, 5], E: [50, 5, 1], F: [30, 10, 2] },
};

export const questionnaire: Table = [
  ['Отметка времени', 'Код ОО', 'Наименование ОО', 'Учебный год', 'Общее количество обучающихся (чел.)', 'Количество обучающихся из семей, где оба родителя имеют высшее образование (чел.)', 'Количество обучающихся из неполных семей (чел.)', 'Количество обучающихся, состоящих на различных видах учёта (чел.)'],
  ...Object.entries(ANSWERS).flatMap(([year, bySchool], y) => Object.entries(bySchool).map(([k, [h, s, r]]) => [`1${y}.10.202${y + 1} 10:00:00`, code(k), NAMES[k], year, 100, h, s, r])),
];

const M5 = 'ВПР математика 5 кл.';
const R5 = 'ВПР русский язык 5 кл.';
const OGE = 'ОГЭ математика';

/** Failed of 20 participants per school, year and procedure; ≥ 6 of 20 (30 %) is low. Absent = no row. */
const FAILED: Record<string, Record<string, Record<string, number>>> = {
  A: Object.fromEntries(YEARS.map((y) => [y, { [M5]: 8, [R5]: 7, [OGE]: 2 }])),
  B: { [YEARS[0]]: { [M5]: 2, [R5]: 2 }, [YEARS[1]]: { [M5]: 2, [R5]: 2 }, [YEARS[2]]: { [M5]: 2, [R5]: 2 }, [Y]: { [M5]: 8, [R5]: 9 } },
  C: { [YEARS[0]]: { [M5]: 2, [R5]: 2 }, [YEARS[1]]: { [M5]: 7, [R5]: 2 }, [YEARS[2]]: { [M5]: 7, [R5]: 6 }, [Y]: { [M5]: 2, [R5]: 2 } },
  D: Object.fromEntries(YEARS.map((y) => [y, { [M5]: 2, [R5]: 2 }])),
  E: { [Y]: { [M5]: 10, [OGE]: 7 } },
  F: Object.fromEntries(YEARS.map((y) => [y, { [M5]: 2 }])),
};

export const results: Table = [
  [...HEADERS.results],
  ...Object.entries(FAILED).flatMap(([k, byYear]) =>
    Object.entries(byYear).flatMap(([year, byProcedure]) => Object.entries(byProcedure).map(([procedure, failed]) => [year, code(k), NAMES[k], procedure, 20, failed])),
  ),
];

/** The list of 2021/2022 as the order approved it: D was put on it although its data do not say so now. */
export const approved: Table = [
  ['Учебный год', 'Код ОО', 'Наименование ОО', 'Категория', 'Приказ (№, дата)'],
  [PREV, code('A'), NAMES.A, 'ШНОР и ШНСУ', '№ 12 от 20.01.2022'],
  [PREV, code('C'), NAMES.C, 'ШНОР', '№ 12 от 20.01.2022'],
  [PREV, code('D'), NAMES.D, 'ШНОР', '№ 12 от 20.01.2022'],
  [PREV, code('F'), NAMES.F, 'ШНСУ', '№ 12 от 20.01.2022'],
];

export function sheets(withApproved = true): { name: string; rows: Table }[] {
  return [
    { name: 'Справочник ОО', rows: registry },
    { name: 'Ответы на форму (1)', rows: questionnaire },
    { name: 'Результаты ОП', rows: results },
    ...(withApproved ? [{ name: 'Перечни прошлых лет', rows: approved }] : []),
  ];
}

export { code, NAMES };
