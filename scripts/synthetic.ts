// A synthetic municipality of any size for the benchmark: a registry, one questionnaire response
// per school and two years of results in all nine procedures. Deterministic (seeded).
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

export function syntheticMunicipality(schools: number, seed = 1): SyntheticWorkbook {
  const rnd = random(seed);
  const registry: Table = [['Код ОО', 'Наименование ОО', 'Другие написания (через «;»)', 'Муниципалитет', 'Местность']];
  const form: Table = [['Отметка времени', 'Код ОО', 'Наименование ОО', 'Общее количество обучающихся (чел.)', 'Количество обучающихся из семей, где оба родителя имеют высшее образование (чел.)', 'Количество обучающихся из неполных семей (чел.)', 'Количество обучающихся, состоящих на различных видах учёта (чел.)']];
  const results: Table = [[...HEADERS.results]];
  const procedures = PROCEDURES.filter((p) => p.shnor);
  for (let i = 1; i <= schools; i++) {
    const code = `sch${String(100000 + i)}`;
    const name = `МБОУ "СОШ № ${i}"`;
    registry.push([code, name, '', 'Синтетический район', i % 3 === 0 ? 'село' : 'город']);
    const n = 40 + Math.floor(rnd() * 1000);
    form.push([`15.01.2023 10:${String(i % 60).padStart(2, '0')}:00`, code, name, n, Math.floor(n * rnd() * 0.6), Math.floor(n * rnd() * 0.4), Math.floor(n * rnd() * 0.1)]);
    for (const year of ['2021/2022', '2022/2023']) {
      for (const p of procedures) {
        const participants = 5 + Math.floor(rnd() * 80);
        const failed = Math.floor(participants * rnd() * rnd() * 0.8);
        results.push([year, code, name, p.name, participants, failed, '', '', '', '']);
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
