// A synthetic municipality (or region, or country) of any size for the benchmark: a registry, one
// questionnaire response per school (a few answer twice) and three years of results in all nine
// procedures, with the traps real workbooks have: names written differently from the registry, rows
// repeated, percentages instead of counts, re-takes and graduates of previous years. Deterministic.
import { HEADERS, SHEETS, Table } from '../src/engine';
import { PROCEDURES } from '../src/engine/shnor/procedures';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SyntheticWorkbook {
  sheets: { name: string; rows: Table }[];
  resultRows: number;
}

export const SYNTHETIC_YEARS = ['2020/2021', '2021/2022', '2022/2023'];

export function syntheticMunicipality(schools: number, seed = 1): SyntheticWorkbook {
  const rnd = random(seed);
  const registry: Table = [['Код ОО', 'Наименование ОО', 'Другие написания (через «;»)', 'Муниципалитет', 'Местность']];
  const form: Table = [['Отметка времени', 'Код ОО', 'Наименование ОО', 'Общее количество обучающихся (чел.)', 'Количество обучающихся из семей, где оба родителя имеют высшее образование (чел.)', 'Количество обучающихся из неполных семей (чел.)', 'Количество обучающихся, состоящих на различных видах учёта (чел.)']];
  const results: Table = [[...HEADERS.results]];
  const procedures = PROCEDURES.filter((p) => p.shnor);
  for (let i = 1; i <= schools; i++) {
    const code = `sch${String(100000 + i)}`;
    const name = `МБОУ "СОШ № ${i}"`;
    registry.push([code, name, `Школа № ${i}`, 'Синтетический район', i % 3 === 0 ? 'село' : 'город']);
    const n = 40 + Math.floor(rnd() * 1000);
    const answer = (minute: number) => [`15.01.2023 10:${String(minute).padStart(2, '0')}:00`, code, name, n, Math.floor(n * rnd() * 0.6), Math.floor(n * rnd() * 0.4), Math.floor(n * rnd() * 0.1)];
    form.push(answer(i % 60));
    // Every 50th school corrects its answer later.
    if (i % 50 === 0) form.push(answer((i % 60) + 1 > 59 ? 59 : (i % 60) + 1));
    for (const year of SYNTHETIC_YEARS) {
      for (const p of procedures) {
        const participants = 5 + Math.floor(rnd() * 80);
        const failed = Math.floor(participants * rnd() * rnd() * 0.8);
        const trap = rnd();
        // Every 10th school is named in the results, not coded: by the registry's alias.
        const who = i % 10 === 0 ? ['', `Школа № ${i}`] : [code, name];
        if (trap < 0.05) {
          // A percentage instead of counts (as a regional report gives it).
          results.push([year, ...who, p.name, participants, '', `${String(Math.round((failed / participants) * 1000) / 10).replace('.', ',')} %`, '', '', '']);
        } else {
          results.push([year, ...who, p.name, participants, failed, '', '', '', '']);
        }
        if (trap > 0.99) results.push([year, ...who, p.name, participants, failed, '', '', '', '']);
        if (trap > 0.985 && trap <= 0.99) results.push([year, ...who, p.name, participants, Math.floor(failed / 2), '', '', '', 'пересдача']);
        if (trap > 0.98 && trap <= 0.985) results.push([year, ...who, p.name, 3, 1, '', '', 'ВПЛ', '']);
      }
    }
  }
  return {
    sheets: [
      { name: SHEETS.registry, rows: registry },
      { name: 'Ответы на форму (1)', rows: form },
      { name: SHEETS.results, rows: results },
    ],
    resultRows: results.length - 1,
  };
}
