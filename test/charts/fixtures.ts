import path from 'node:path';
import { Analysis, ContextPoint, Table, analyze } from '../../src/engine';
import { readCsvFolder } from '../../src/cli/io';
import { syntheticMunicipality } from '../../scripts/synthetic';

export const EXAMPLE = path.resolve(__dirname, '../../examples/municipality');

function analysisOf(sheets: { name: string; rows: Table }[]): Analysis {
  const tables: Record<string, Table> = {};
  for (const s of sheets) tables[s.name] = s.rows;
  return analyze({ sheetNames: sheets.map((s) => s.name), tables });
}

/** The example municipality «Северный район» as the CLI reads it. */
export function exampleAnalysis(): Analysis {
  return analysisOf(readCsvFolder(EXAMPLE));
}

/** The benchmark's synthetic municipality of `schools` schools. */
export function syntheticAnalysis(schools: number): Analysis {
  return analysisOf(syntheticMunicipality(schools).sheets);
}

/** Official names as long as they come: the chart must keep every one readable. */
export const LONG_NAMES = [
  'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5 с углублённым изучением отдельных предметов имени Героя Советского Союза И. И. Иванова» городского округа Северный',
  'Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа села Верхнеозёрское»',
  'МАОУ «Лицей № 2 имени А. С. Пушкина»',
  'ГБОУ «Татарская гимназия № 7 имени Габдуллы Тукая» (Габдулла Тукай исемендәге гимназия)',
  'Школа',
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A synthetic context: p falls with ИСБШ as p = 0.9 − 0.009·ИСБШ plus noise; every 7th school ШНОР, every 9th resilient. */
export function syntheticContext(n: number, seed = 5): { points: ContextPoint[]; a: number; b: number; r2: number } {
  const rnd = random(seed);
  const points: ContextPoint[] = [];
  for (let i = 0; i < n; i++) {
    const isbsh = 60 + rnd() * 30;
    const failedShare = Math.max(0, Math.min(1, 0.9 - 0.009 * isbsh + (rnd() - 0.5) * 0.2));
    points.push({ name: `МКОУ «Школа № ${i + 1}»`, isbsh, failedShare, shnor: i % 7 === 0, resilient: i % 9 === 4 });
  }
  return { points, a: 0.9, b: -0.009, r2: 0.4 };
}
