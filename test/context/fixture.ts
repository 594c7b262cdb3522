// Small workbooks for the context model (DESIGN §2.7) whose every number is worked out by hand.
//
// Every questionnaire has N = 300, so ИСБШ = 85 + 15·H/300 − 20·S/300 − 65·R/300 = 85 + H/20 − S/15
// (R = 0): S = 300 → 65, 225 → 70, 150 → 75, 75 → 80, 0 → 85; H = 100 → 90, 200 → 95, 300 → 100.
import { HEADERS, SHEETS, Table } from '../../src/engine';
import { AnalysisInput } from '../../src/engine/analyze';

export const Y = '2022/2023';
export const PREV = '2021/2022';

export interface FixtureSchool {
  code: string;
  locality?: string;
  /** ИСБШ (one of the values above); null = no questionnaire answer. */
  isbsh: number | null;
  /** Rows of Y: [P, F] (F null = only «% не справившихся», given as the third element). */
  rows: [number, number | null, number?][];
  /** A low result in Y−1 (with one in Y this makes the school ШНОР by criterion 2). */
  lowBefore?: boolean;
}

const ANSWERS: Record<number, [number, number]> = { 65: [0, 300], 70: [0, 225], 75: [0, 150], 80: [0, 75], 85: [0, 0], 90: [100, 0], 95: [200, 0], 100: [300, 0] };
const PROCEDURES = ['ВПР математика 5 кл.', 'ВПР русский язык 5 кл.', 'ОГЭ математика', 'ОГЭ русский язык'];

export function nameOf(code: string): string {
  return `Школа ${code}`;
}

export function workbook(schools: FixtureSchool[], settings: [string, string | number][] = []): AnalysisInput {
  const registry: Table = [['Код ОО', 'Наименование ОО', 'Другие написания (через «;»)', 'Муниципалитет', 'Местность']];
  const form: Table = [['Отметка времени', 'Код ОО', 'Наименование ОО', 'Общее количество обучающихся (чел.)', 'Количество обучающихся из семей, где оба родителя имеют высшее образование (чел.)', 'Количество обучающихся из неполных семей (чел.)', 'Количество обучающихся, состоящих на различных видах учёта (чел.)']];
  const results: Table = [[...HEADERS.results]];
  for (const s of schools) {
    registry.push([s.code, nameOf(s.code), '', 'Тестовый район', s.locality ?? '']);
    if (s.isbsh !== null) {
      const [h, single] = ANSWERS[s.isbsh];
      form.push(['15.01.2023 10:00:00', s.code, nameOf(s.code), 300, h, single, 0]);
    }
    s.rows.forEach(([p, f, percent], i) => results.push([Y, s.code, nameOf(s.code), PROCEDURES[i], p, f ?? '', percent ?? '', '', '', '']));
    if (s.lowBefore) results.push([PREV, s.code, nameOf(s.code), PROCEDURES[0], 40, 16, '', '', '', '']);
    else results.push([PREV, s.code, nameOf(s.code), PROCEDURES[0], 40, 2, '', '', '', '']);
  }
  const sheets: Record<string, Table> = { [SHEETS.registry]: registry, 'Ответы на форму (1)': form, [SHEETS.results]: results };
  if (settings.length) sheets[SHEETS.settings] = [['Параметр', 'Значение', 'Пояснение'], ...settings.map(([k, v]) => [k, v, ''])];
  return { sheetNames: Object.keys(sheets), tables: sheets };
}

/**
 * The hand-worked municipality. Eight schools have both ИСБШ and p (the model):
 *
 *   code  ИСБШ  p     rows of Y (P, F)           ШНОР
 *   s01    65   0,28  50/20 (40 %), 50/8         К2 (low in Y−1 too)
 *   s02    70   0,06  100/6
 *   s03    75   0,16  100/16
 *   s04    80   0,17  100/17
 *   s05    80   0,23  50/15 (30 %), 50/8         К2
 *   s06    85   0,07  100/7
 *   s07    90   0,14  100/14
 *   s08    95   0,21  30/9 (30 %), 70/12         К2
 * and s09 (p = 0,05, no questionnaire), s10 (ИСБШ 100, no results), s11 (no questionnaire,
 * two low results in Y: p = 20/40 = 0,5, К1).
 *
 * Regression over s01…s08: x̄ = 640/8 = 80, deviations −15 −10 −5 0 0 5 10 15, Sxx = 700;
 * p̄ = 1,32/8 = 0,165; Sxy = −15·0,28 − 10·0,06 − 5·0,16 + 5·0,07 + 10·0,14 + 15·0,21 = −0,7.
 * b = −0,7/700 = −0,001; a = 0,165 + 0,001·80 = 0,245. Syy = Σ(p − 0,165)² = 0,0402,
 * R² = 0,49/(700·0,0402) = 0,49/28,14. p̂ = 0,245 − 0,001·ИСБШ; residuals
 * s01 0,28 − 0,18 = +0,10 (exactly the default 10 п.п.: «ниже ожидаемых»), s02 −0,115, s03 −0,01,
 * s04 +0,005, s05 +0,065, s06 −0,09, s07 −0,015, s08 +0,06.
 *
 * Quartile of p over the ten schools with p (s09 and s11 included): sorted 0,05 0,06 0,07 0,14 0,16
 * 0,17 0,21 0,23 0,28 0,5; rank 0,25·9 = 2,25 → 0,07 + 0,25·(0,14 − 0,07) = 0,0875.
 * ШНСУ: ИСБШ of s01…s08 and s10 (nine values), rank 0,25·8 = 2 → 75: s01, s02, s03.
 * Resilient (ШНСУ, p ≤ 0,0875): s02. Leaders (not ШНОР, status ok, p ≤ 0,0875): s02, s06, s09.
 * Pairs (ascending ИСБШ): s01 (65) → s02 (70, 5 away); s05 (80) → s06 (85, 5 away; s02 is 10);
 * s08 (95) → s06 (10 away; s02 is 25). s11 has no ИСБШ: no pair. s09 has no ИСБШ: not paired.
 */
export const HAND: FixtureSchool[] = [
  { code: 's01', locality: 'село', isbsh: 65, rows: [[50, 20], [50, 8]], lowBefore: true },
  { code: 's02', locality: 'село', isbsh: 70, rows: [[100, 6]] },
  { code: 's03', locality: 'город', isbsh: 75, rows: [[100, 16]] },
  { code: 's04', locality: 'город', isbsh: 80, rows: [[100, 17]] },
  { code: 's05', locality: 'город', isbsh: 80, rows: [[50, 15], [50, 8]], lowBefore: true },
  { code: 's06', locality: 'город', isbsh: 85, rows: [[100, 7]] },
  { code: 's07', locality: 'город', isbsh: 90, rows: [[100, 14]] },
  { code: 's08', locality: 'город', isbsh: 95, rows: [[30, 9], [70, 12]], lowBefore: true },
  { code: 's09', locality: 'город', isbsh: null, rows: [[100, 5]] },
  { code: 's10', locality: 'город', isbsh: 100, rows: [] },
  { code: 's11', locality: 'село', isbsh: null, rows: [[20, 10], [20, 10]] },
];
