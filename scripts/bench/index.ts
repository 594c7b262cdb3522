// `npm run bench`: engine time and spreadsheet-service call counts for 10 … 40 000 schools.
// The add-on part runs the built dist/Code.js in the in-memory Apps Script used by the tests, so the
// counts are those of the real bundle; the times are this machine's, not Google's.
import path from 'node:path';
import { buildReport, Table } from '../../src/engine';
import { loadAddon, sheetsEnvironment } from '../../test/support/appsScriptVm';
import { syntheticMunicipality } from '../synthetic';

const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000,10000,40000').split(',').map(Number);
const codeJs = path.resolve(__dirname, '../dist/Code.js');

function timeMs(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

const rows: string[] = [];
rows.push(`${pad('школ', 7)} ${pad('строк рез.', 10)} ${pad('движок, мс', 11)} ${pad('надстройка, мс', 15)} ${pad('чтений', 7)} ${pad('setValues', 9)} ${pad('всего вызовов', 14)}`);
for (const n of SIZES) {
  const wb = syntheticMunicipality(n);
  const tables: Record<string, Table> = {};
  for (const s of wb.sheets) tables[s.name] = s.rows;
  const engine = timeMs(() => buildReport({ sheetNames: wb.sheets.map((s) => s.name), tables }, 'бенчмарк'));
  const env = sheetsEnvironment({ sheets: wb.sheets });
  const addon = loadAddon(codeJs, env);
  env.calls.reset();
  const addonMs = timeMs(() => addon.call('runCalculation'));
  rows.push(
    `${pad(n, 7)} ${pad(wb.resultRows, 10)} ${pad(engine.toFixed(0), 11)} ${pad(addonMs.toFixed(0), 15)} ${pad(env.calls.count('Range.getValues'), 7)} ${pad(env.calls.count('Range.setValues'), 9)} ${pad(env.calls.total(''), 14)}`,
  );
  console.log(rows.length === 2 ? `${rows[0]}\n${rows[1]}` : rows[rows.length - 1]);
}
console.log('\nЧтений — вызовов getValues (по одному на входной лист), setValues — по одному на сформированный лист и «Настройки»;');
console.log('«всего вызовов» — все обращения к SpreadsheetApp и сервисам за один расчёт: их число не зависит от числа школ.');
