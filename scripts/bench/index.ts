// `npm run bench` (issue 10): the engine against the minimal loop, the add-on's service calls against
// a per-cell pattern, the custom functions, the CLI end to end, the hand-built formula workbook
// (HyperFormula) and a region's ВПР protocol import — printed and written to docs/BENCHMARKS.md.
// Times are this machine's, not Google's; each engine size runs in a fresh process (its peak memory
// is its own). Usage: npm run bench [-- --sizes 10,100,1000] [--no-cli] [--no-formulas] [--out FILE]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { Table, analyze, buildReport, isbshFromCounts, lowResult, shnsuCutoff } from '../../src/engine';
import { loadAddon, sheetsEnvironment } from '../../test/support/appsScriptVm';
import { benchImport } from '../benchImport';
import { SYNTHETIC_YEARS, syntheticMunicipality } from '../synthetic';
import { formulaWorkbook } from './formulaWorkbook';
import { minimalLoop } from './minimalLoop';

const ROOT = path.resolve(__dirname, '..');
const CODE_JS = path.join(ROOT, 'dist/Code.js');
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SIZES = (option('--sizes') ?? process.env.BENCH_SIZES ?? '10,100,1000,10000,40000').split(',').map(Number);
const RUNS = 5;
const Y = SYNTHETIC_YEARS[SYNTHETIC_YEARS.length - 1];
const PREV = SYNTHETIC_YEARS[SYNTHETIC_YEARS.length - 2];

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
const ratio = (a: number, b: number) => `×${(a / b).toFixed(1)}`;

function tablesOf(n: number): { tables: Record<string, Table>; sheetNames: string[]; resultRows: number; sheets: ReturnType<typeof syntheticMunicipality>['sheets'] } {
  const wb = syntheticMunicipality(n);
  const tables: Record<string, Table> = {};
  for (const s of wb.sheets) tables[s.name] = s.rows;
  return { tables, sheetNames: wb.sheets.map((s) => s.name), resultRows: wb.resultRows, sheets: wb.sheets };
}

// ---------------------------------------------------------------------------------------------
// Engine: analyze() and buildReport() against the minimal loop, in a fresh process per size

interface EngineMeasure {
  schools: number;
  resultRows: number;
  minimal: number;
  analyze: number;
  buildReport: number;
  /** Garbage collection inside the `analyze()` runs, median (PerformanceObserver 'gc' entries). */
  analyzeGc: number;
  peakMb: number;
  sameFlags: boolean;
}

/** Milliseconds of garbage collection during `fn` (the entries arrive after it, on the next turn). */
async function collected(fn: () => void): Promise<number> {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) total += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  fn();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return total;
}

async function measureEngine(n: number): Promise<EngineMeasure> {
  const { tables, sheetNames, resultRows } = tablesOf(n);
  const input = { sheetNames, tables };
  const times = { minimal: [] as number[], analyze: [] as number[], buildReport: [] as number[], analyzeGc: [] as number[] };
  let same = true;
  for (let k = 0; k < RUNS; k++) {
    const [m, flags] = timed(() => minimalLoop(tables['Справочник ОО'], tables['Ответы на форму (1)'], tables['Результаты ОП']));
    let a = 0;
    let analysis!: ReturnType<typeof analyze>;
    times.analyzeGc.push(await collected(() => ([a, analysis] = timed(() => analyze(input)))));
    const [r] = timed(() => buildReport(input, 'бенчмарк'));
    times.minimal.push(m);
    times.analyze.push(a);
    times.buildReport.push(r);
    same &&= analysis.year === flags.year && analysis.schools.every((o, i) => (o.shnor?.shnor ?? false) === flags.shnor[i] && (o.shnor?.criterion1 ?? false) === flags.criterion1[i] && (o.shnor?.criterion2 ?? false) === flags.criterion2[i] && o.shnsu === flags.shnsu[i]);
  }
  return { schools: n, resultRows, minimal: median(times.minimal), analyze: median(times.analyze), buildReport: median(times.buildReport), analyzeGc: median(times.analyzeGc), peakMb: process.resourceUsage().maxRSS / 1024, sameFlags: same };
}

const measured = {
  engine: [] as EngineMeasure[],
  addon: [] as { schools: number; calls: number; grow: number; sheets: number; secondCalls: number }[],
  functions: [] as { name: string; engine: number; engineVm: number; bundle: number }[],
  cli: [] as { schools: number; totalS: number; peakMb: number }[],
};

function engineSection(): string[] {
  const lines = [
    '## Движок: `analyze()` и `buildReport()` против минимального цикла',
    '',
    `Синтетические муниципалитеты (\`scripts/synthetic.ts\`): справочник, анкета, ${SYNTHETIC_YEARS.length} года × 9 процедур, с ловушками (школы, названные иначе, повторы строк, проценты вместо количеств, пересдачи, ВПЛ). Медиана из ${RUNS} запусков; каждый размер — в отдельном процессе. Минимальный цикл (\`scripts/bench/minimalLoop.ts\`) считает те же флаги из тех же массивов без проверок, сообщений, обоснований и листов; «те же флаги» — ШНОР, К1, К2 и ШНСУ каждой школы совпадают. «Сборка мусора» — время сборщика V8 внутри \`analyze()\` (записи \`gc\` из \`perf_hooks\`): минимальный цикл ничего не хранит, а движок держит запись на каждую строку результатов, обоснование и строку журнала на каждую школу, и сборщик обходит их вместе с входными таблицами — чем больше куча, тем дольше.`,
    '',
    '| Школ | Строк результатов | Минимальный цикл, мс | `analyze`, мс | к циклу | из них сборка мусора, мс | `buildReport`, мс | к `analyze` | Пик памяти, МБ | Те же флаги |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const n of SIZES) {
    const child = spawnSync(process.execPath, ['--max-old-space-size=6144', __filename, '--engine', String(n)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      lines.push(`| ${n} | — | не выполнено: ${child.stderr.trim().split('\n').pop()} |`);
      continue;
    }
    const m = JSON.parse(child.stdout.trim().split('\n').pop() as string) as EngineMeasure;
    measured.engine.push(m);
    lines.push(`| ${m.schools} | ${m.resultRows} | ${ms(m.minimal)} | ${ms(m.analyze)} | ${ratio(m.analyze, m.minimal)} | ${ms(m.analyzeGc)} | ${ms(m.buildReport)} | ${ratio(m.buildReport, m.analyze)} | ${Math.round(m.peakMb)} | ${m.sameFlags ? 'да' : '**нет**'} |`);
    console.log(lines[lines.length - 1]);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Add-on: «Рассчитать» through the built bundle, service calls against a per-cell pattern

function addonSection(): string[] {
  const lines = [
    '## Надстройка: «Рассчитать» в собранном `dist/Code.js` (vm с SpreadsheetApp в памяти)',
    '',
    'Первый расчёт пишет сформированные листы; второй подменяет прежние (всё или ничего: черновики, переименование, удаление). «Вызовов» — все обращения к SpreadsheetApp и сервисам. «Расширение листов» — `insertRowsAfter`/`insertColumnsAfter`: новый лист Таблиц — 1000 строк, и лист длиннее нужно сначала расширить (иначе `getRange` за его пределами — ошибка); это один вызов на сформированный лист, а не на школу. «Поклеточно» — сколько вызовов сделал бы код, который читает каждую ячейку входных листов `getValue` и пишет каждую ячейку сформированных `setValue`: опорная линия, а не то, что делает надстройка.',
    '',
    '| Школ | Первый расчёт, мс | `getValues` | `setValues` | Вызовов | из них расширение листов | Второй расчёт, мс | Вызовов | Поклеточно, вызовов |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const n of SIZES) {
    const { sheets, tables, sheetNames } = tablesOf(n);
    const env = sheetsEnvironment({ sheets });
    const addon = loadAddon(CODE_JS, env);
    env.calls.reset();
    const [first] = timed(() => addon.call('runCalculation'));
    const reads = env.calls.count('Range.getValues');
    const writes = env.calls.count('Range.setValues');
    const total = env.calls.total('');
    const grow = env.calls.count('Sheet.insertRowsAfter') + env.calls.count('Sheet.insertColumnsAfter');
    env.calls.reset();
    const [second] = timed(() => addon.call('runCalculation'));
    const secondTotal = env.calls.total('');
    const inputCells = Object.values(tables).reduce((s, t) => s + t.reduce((r, row) => r + row.length, 0), 0);
    const report = buildReport({ sheetNames, tables }, 'бенчмарк');
    const outputCells = report.sheets.reduce((s, g) => s + g.values.length * (g.values[0]?.length ?? 0), 0);
    const generated = report.sheets.length;
    measured.addon.push({ schools: n, calls: total, grow, sheets: generated, secondCalls: secondTotal });
    lines.push(`| ${n} | ${ms(first)} | ${reads} | ${writes} | ${total} | ${grow} | ${ms(second)} | ${secondTotal} | ${inputCells + outputCells} |`);
    console.log(lines[lines.length - 1]);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Custom functions over 10 000-row ranges: the engine and the bundle

/**
 * The engine's custom functions as an IIFE, to run in the add-on's own vm realm: a `vm` context looks
 * up every global (`Number`, `Math`…) through Node's interceptors, tens of times slower than a real
 * global, so comparing the bundle in a vm with the engine outside it would measure the harness.
 */
function engineFunctionsIife(): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'src/engine/customFunctions.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__engineFunctions',
    platform: 'neutral',
    target: 'es2019',
    write: false,
    charset: 'utf8',
  });
  return result.outputFiles[0].text;
}

function customFunctionsSection(): string[] {
  const rows = 10000;
  const column = (f: (i: number) => number) => Array.from({ length: rows }, (_, i) => [f(i)]);
  const N = column((i) => 100 + (i % 900));
  const H = column((i) => (i * 7) % 100);
  const S = column((i) => (i * 3) % 50);
  const R = column((i) => i % 10);
  const P = column((i) => 10 + (i % 70));
  const F = column((i) => (i * 13) % 10);
  const values = column((i) => 60 + ((i * 37) % 400) / 10);
  const env = sheetsEnvironment({ sheets: [{ name: 'Лист1', rows: [['']] }] });
  const addon = loadAddon(CODE_JS, env);
  addon.evaluate(engineFunctionsIife());
  // The arrays are handed to the bundle inside its context once, as Sheets hands them over: the time is
  // the bundle's own (the test harness's copying between realms is not what a user waits for).
  addon.evaluate(`globalThis.__bench = JSON.parse(${JSON.stringify(JSON.stringify({ N, H, S, R, P, F, values }))})`);
  const inVm = (call: string) => () => addon.evaluate(`(() => { const a = globalThis.__bench; const e = globalThis.__engineFunctions; const t = Date.now(); for (let i = 0; i < 20; i++) ${call}; return (Date.now() - t) / 20; })()`) as number;
  const host = (fn: () => unknown) => () => {
    const t = performance.now();
    for (let i = 0; i < 20; i++) fn();
    return (performance.now() - t) / 20;
  };
  const cases: [string, () => number, () => number, () => number][] = [
    ['`ISBSH_COUNTS(N; H; S; R)`', host(() => isbshFromCounts(N, H, S, R)), inVm('e.isbshFromCounts(a.N, a.H, a.S, a.R)'), inVm('ISBSH_COUNTS(a.N, a.H, a.S, a.R)')],
    ['`LOW_RESULT(P; F)`', host(() => lowResult(P, F)), inVm('e.lowResult(a.P, a.F)'), inVm('LOW_RESULT(a.P, a.F)')],
    ['`SHNSU_CUTOFF(диапазон)`', host(() => shnsuCutoff(values)), inVm('e.shnsuCutoff(a.values)'), inVm('SHNSU_CUTOFF(a.values)')],
  ];
  const lines = [
    `## Пользовательские функции на диапазонах в ${rows} строк`,
    '',
    'Один вызов на столбец (как их вызывают Таблицы), 20 вызовов подряд, медиана из 5 таких серий. «Движок» — функция движка в Node. «Движок в vm» — та же функция, собранная отдельно и запущенная в том же контексте `vm`, что и надстройка: `vm` ищет каждую глобальную (`Number`, `Math`…) через перехватчики Node, в десятки раз медленнее настоящей, — это цена стенда, а не Apps Script. «Сборка» — функция верхнего уровня `dist/Code.js` в том же контексте (с чтением «Настроек» и проверкой аргументов), над массивами, уже переданными в контекст, как их передают Таблицы; «к движку» — сборка против движка в том же контексте: то, что добавляет надстройка.',
    '',
    '| Функция | Движок, мс | Движок в vm, мс | Сборка, мс | к движку |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const [name, engine, engineVm, bundle] of cases) {
    const e = median(Array.from({ length: RUNS }, engine));
    const v = median(Array.from({ length: RUNS }, engineVm));
    const b = median(Array.from({ length: RUNS }, bundle));
    measured.functions.push({ name, engine: e, engineVm: v, bundle: b });
    lines.push(`| ${name} | ${ms(e)} | ${ms(v)} | ${ms(b)} | ${ratio(b, v)} |`);
    console.log(lines[lines.length - 1]);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The CLI end to end (scripts/bench-cli.ts), the formula workbook, the protocol import

function cliSection(): string[] {
  const sizes = SIZES.filter((n) => n >= 1000).join(',') || '1000';
  const child = spawnSync(process.execPath, [path.join(ROOT, 'build/bench-cli.cjs'), '--sizes', sizes], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const table = child.stdout.split('\n').filter((l) => l.startsWith('|'));
  for (const row of table.slice(2)) {
    const c = row.split('|').map((x) => x.trim());
    measured.cli.push({ schools: Number(c[1]), totalS: Number(c[8]), peakMb: Number(c[9]) });
  }
  return [
    '## Командная строка: `analyze` книги .xlsx от чтения до записи',
    '',
    'Синтетическая книга .xlsx того же размера; каждый размер — в отдельном процессе; пик памяти — всего процесса (входные значения, движок, запись).',
    '',
    ...(child.status === 0 ? table : [`не выполнено: ${child.stderr.trim().split('\n').pop()}`]),
  ];
}

function formulasSection(): string[] {
  const lines = [
    '## Книга формул, которую координатор строит вручную (HyperFormula)',
    '',
    'На листе школ на каждую школу и процедуру — `COUNTIFS` низких результатов в каждом из двух лет, К1 и К2 из них, ИСБШ по последнему ответу (`MAXIFS` номера строки), граница — `PERCENTILE.INC`. Вычисляет HyperFormula (devDependency под GPL: только для бенчмарка). «Те же флаги» — ШНОР и ШНСУ каждой школы совпадают с движком.',
    '',
    '| Школ | Книга формул, мс | `analyze`, мс | Во сколько раз медленнее | Те же флаги |',
    '|---:|---:|---:|---:|:---:|',
  ];
  for (const n of [100, 300, 1000, 3000]) {
    const { tables, sheetNames } = tablesOf(n);
    const [hf, flags] = timed(() => formulaWorkbook(tables['Справочник ОО'], tables['Ответы на форму (1)'], tables['Результаты ОП'], Y, PREV));
    const engine = median(Array.from({ length: 3 }, () => timed(() => analyze({ sheetNames, tables }))[0]));
    const a = analyze({ sheetNames, tables });
    const same = a.schools.every((o, i) => (o.shnor?.shnor ?? false) === flags.shnor[i] && o.shnsu === flags.shnsu[i]);
    lines.push(`| ${n} | ${ms(hf)} | ${ms(engine)} | ${ratio(hf, engine)} | ${same ? 'да' : '**нет**'} |`);
    console.log(lines[lines.length - 1]);
    // «As far up as it finishes within a minute»: the next size would take several times longer.
    if (hf > 20000) break;
  }
  return lines;
}

/** Each target of issue 10 against this run: met, or by how much it is missed. */
function targetsSection(): string[] {
  const engine = (n: number) => measured.engine.find((m) => m.schools === n);
  const cli = (n: number) => measured.cli.find((m) => m.schools === n);
  const lines = ['## Цели (issue 10) по этому запуску', '', '| Цель | Измерено | Итог |', '|---|---|:---:|'];
  const row = (goal: string, value: string, ok: boolean | null) => lines.push(`| ${goal} | ${value} | ${ok === null ? 'не измерено' : ok ? 'выполнена' : '**не выполнена**'} |`);
  const e40 = engine(40000);
  row('`analyze()` на 40 000 школ — не дольше 10 минимальных циклов', e40 ? `${ratio(e40.analyze, e40.minimal)} (${ms(e40.analyze)} мс против ${ms(e40.minimal)} мс; без сборки мусора ${ratio(e40.analyze - e40.analyzeGc, e40.minimal)})` : '—', e40 ? e40.analyze <= 10 * e40.minimal : null);
  row('`analyze()` на 40 000 школ — меньше 2 с', e40 ? `${ms(e40.analyze)} мс` : '—', e40 ? e40.analyze < 2000 : null);
  const e1k = engine(1000);
  row('`analyze()` на 1 000 школ — меньше 50 мс', e1k ? `${ms(e1k.analyze)} мс` : '—', e1k ? e1k.analyze < 50 : null);
  const atScale = measured.engine.filter((m) => m.schools >= 1000);
  const worst = atScale.reduce((w, m) => Math.max(w, m.buildReport / m.analyze), 0);
  row('`buildReport()` — не дольше двух `analyze()` (от 1 000 школ)', atScale.length ? `до ${ratio(worst, 1)}` : '—', atScale.length ? worst <= 2 : null);
  const c10 = cli(10000);
  row('CLI на 10 000 школ — меньше 15 с и 1 ГБ', c10 ? `${c10.totalS} с, ${c10.peakMb} МБ` : '—', c10 ? c10.totalS < 15 && c10.peakMb < 1024 : null);
  const c40 = cli(40000);
  row('CLI на 40 000 школ — завершается', c40 ? `${c40.totalS} с, ${c40.peakMb} МБ` : '—', c40 ? Number.isFinite(c40.totalS) : null);
  const slowest = measured.functions.reduce((w, f) => Math.max(w, f.engine), 0);
  const worstBundle = measured.functions.reduce((w, f) => Math.max(w, f.bundle / f.engineVm), 0);
  row('Пользовательские функции на 10 000 строк — меньше 50 мс в движке', measured.functions.length ? `до ${ms(slowest)} мс` : '—', measured.functions.length ? slowest < 50 : null);
  row('…и не дольше трёх движков через сборку (в том же контексте vm)', measured.functions.length ? `до ${ratio(worstBundle, 1)}` : '—', measured.functions.length ? worstBundle <= 3 : null);
  const fixed = new Set(measured.addon.map((m) => m.calls - m.grow));
  row(
    'Вызовы сервисов «Рассчитать» — одни и те же при 10 и 40 000 школ (кроме расширения листов длиннее 1000 строк: не больше одного на лист)',
    measured.addon.map((m) => `${m.schools}: ${m.calls - m.grow} + ${m.grow}`).join('; '),
    measured.addon.length ? fixed.size === 1 && measured.addon.every((m) => m.grow <= 2 * m.sheets) : null,
  );
  row('Те же флаги до последней школы', measured.engine.every((m) => m.sameFlags) ? 'все размеры' : 'есть расхождения', measured.engine.length ? measured.engine.every((m) => m.sameFlags) : null);
  return lines;
}

async function importSection(): Promise<string[]> {
  const line = await benchImport(ROOT);
  return ['## Импорт протокола ВПР по обучающимся (регион: 26 139 строк, 637 школ)', '', line];
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (args[0] === '--engine') {
    process.stdout.write(`${JSON.stringify(await measureEngine(Number(args[1])))}\n`);
    return;
  }
  const cpu = os.cpus();
  const head = [
    '# Бенчмарк',
    '',
    `Снято \`npm run bench\` ${new Date().toISOString().slice(0, 10)} на машине: ${cpu.length} ядра (${cpu[0]?.model ?? 'процессор не назван'}), ${Math.round(os.totalmem() / 2 ** 30)} ГБ памяти, ${os.type()} ${os.release()}, Node ${process.version}; средняя загрузка перед запуском — ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}. Машина виртуальная и общая: разброс времени между запусками — до полутора раз; числа вызовов от этого не зависят.`,
    '',
  ];
  const sections = [engineSection(), addonSection(), customFunctionsSection()];
  if (!args.includes('--no-cli')) sections.push(cliSection());
  if (!args.includes('--no-formulas')) sections.push(formulasSection());
  sections.push(await importSection());
  sections.unshift(targetsSection());
  const text = [...head, ...sections.flatMap((s) => [...s, ''])].join('\n');
  const out = option('--out') ?? path.join(ROOT, 'docs/BENCHMARKS.md');
  fs.writeFileSync(out, text);
  console.log(`\nЗаписано: ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
