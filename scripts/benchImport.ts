// The import of a region's student-level ВПР protocol (issue 16): 26 139 rows, 637 schools, as in the
// real protocol of ВПР математика 5 кл. 2021. `benchImport()` prints one line for `npm run bench`:
// the engine, the add-on (dist/Code.js in the in-memory Apps Script of the tests, with its call
// counts) and the CLI (`import … --from protocol.xlsx`). Times are this machine's, not Google's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ExcelJS from 'exceljs';
import { Cell, HEADERS, Table, defaultSettings, planImport } from '../src/engine';
import { loadAddon, sheetsEnvironment } from '../test/support/appsScriptVm';

const TASK_MAXIMA = [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2];
const SCALE = '7; 11; 15';
const HINTS = { procedure: 'ВПР математика 5 кл.', scale: SCALE };

/** A deterministic pseudo-random sequence (mulberry32), so that every run imports the same protocol. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticProtocol {
  /** The sheet «Протокол» as ФИС ОКО exports it, numbers as numbers. */
  rows: Table;
  /** «Справочник ОО» of the first municipality. */
  registry: Table;
  schools: number;
  students: number;
}

/** A region's protocol in the layout of the sheet «Протокол»: about 5 % absent, journal marks near the mark. */
export function syntheticRegionalProtocol(students = 26139, schools = 637, municipalities = 20): SyntheticProtocol {
  const next = random(2021);
  const header: Cell[] = ['Пользователь', 'Код региона', 'Регион', 'Муниципалитет', 'Школа', 'Дата загрузки', 'Код', 'Вариант', ...TASK_MAXIMA.map((m, i) => `${i + 1} (${m}б)`), 'Наименование класса', 'Пол', 'Отметка за предыдущий триместр/ четверть/полугодие', 'Итого баллов'];
  const rows: Table = [header];
  const registry: Table = [['Код ОО', 'Наименование ОО', 'Муниципалитет']];
  for (let s = 0; s < schools; s++) {
    const login = `edu${230000 + s}`;
    const municipality = `Район ${(s % municipalities) + 1}`;
    const name = `МБОУ "СОШ № ${Math.floor(s / municipalities) + 1}"`;
    if (s % municipalities === 0) registry.push([`sch${230000 + s}`, name, municipality]);
    const size = Math.floor(students / schools) + (s < students % schools ? 1 : 0);
    const strength = next();
    for (let k = 0; k < size; k++) {
      const absent = next() < 0.05;
      const scores = TASK_MAXIMA.map((m) => (absent ? null : Math.min(m, Math.floor(next() * (m + 1) * (0.6 + strength)))));
      const total = absent ? null : scores.reduce((a: number, b) => a + (b ?? 0), 0);
      const mark = total === null ? 4 : total < 7 ? 2 : total < 11 ? 3 : total < 15 ? 4 : 5;
      const journal = next() < 0.04 ? 'нет отметки' : Math.max(2, Math.min(5, mark + (next() < 0.25 ? 1 : next() < 0.1 ? -1 : 0)));
      rows.push([login, 38, 'Регион', municipality, `${login} | ${name}`, '15.04.2021', 100000 + rows.length, absent ? 'отсутствовал' : 1 + (k % 2), ...scores, `5${'абвг'[k % 4]}`, k % 2 ? 'Ж' : 'М', journal, total]);
    }
  }
  return { rows, registry, schools, students };
}

function timeMs<T>(fn: () => T): [number, T] {
  const t = process.hrtime.bigint();
  const value = fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, value];
}

async function writeXlsx(file: string, sheets: [string, Table][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const ws = workbook.addWorksheet(name);
    for (const row of rows) ws.addRow(row.map((v) => (v === null ? undefined : v)));
  }
  await workbook.xlsx.writeFile(file);
}

const ms = (v: number) => `${Math.round(v).toLocaleString('ru-RU')} мс`;

/**
 * Runs the three imports and prints (and returns) the line. The paths are those of the built project
 * (`npm run build`); the CLI runs as a coordinator starts it, Node's start-up included.
 */
export async function benchImport(root = path.resolve(__dirname, '..')): Promise<string> {
  const codeJsPath = path.join(root, 'dist/Code.js');
  const manifest = JSON.parse(readFileSync(path.join(root, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
  const protocol = syntheticRegionalProtocol();
  const settings = defaultSettings();
  const [engineMs, plan] = timeMs(() => planImport({ paste: { name: 'Протокол', rows: protocol.rows }, results: null, registry: null, settings, hints: { ...HINTS } }));
  const [municipalMs] = timeMs(() => planImport({ paste: { name: 'Протокол', rows: protocol.rows }, results: null, registry: protocol.registry, settings, hints: { ...HINTS } }));

  const env = sheetsEnvironment({ sheets: [{ name: 'Результаты ОП', rows: [[...HEADERS.results]] }, { name: 'Протокол', rows: protocol.rows }], manifestScopes: manifest.oauthScopes });
  const addon = loadAddon(codeJsPath, env);
  env.calls.reset();
  const [addonMs] = timeMs(() => {
    addon.call('previewImport', 'Протокол', HINTS);
    addon.call('applyImport', 'Протокол', HINTS);
  });
  const reads = env.calls.count('Range.getValues');
  const writes = env.calls.count('Range.setValues');
  const total = env.calls.total('');

  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  let cliMs = NaN;
  try {
    const book = path.join(dir, 'книга.xlsx');
    const file = path.join(dir, 'протокол.xlsx');
    await writeXlsx(book, [['Результаты ОП', [[...HEADERS.results]]]]);
    await writeXlsx(file, [['Протокол', protocol.rows]]);
    const args = [path.join(root, 'bin/shnor-monitor.js'), 'import', book, '--from', file, '--procedure', HINTS.procedure, '--scale', SCALE, '-o', path.join(dir, 'out.xlsx')];
    const [elapsed, run] = timeMs(() => spawnSync(process.execPath, args, { encoding: 'utf8' }));
    if (run.status !== 0) throw new Error(`shnor-monitor import: код ${run.status}\n${run.stderr}`);
    cliMs = elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const line =
    `Импорт протокола ВПР: ${protocol.students.toLocaleString('ru-RU')} строк, ${protocol.schools} школ (строк в «Результаты ОП»: ${plan.rows.length}) — ` +
    `движок ${ms(engineMs)} (со справочником одного района ${ms(municipalMs)}); надстройка, «Проверить» и «Добавить» ${ms(addonMs)}: getValues ${reads}, setValues ${writes}, всего вызовов ${total}; ` +
    `командная строка с чтением .xlsx ${ms(cliMs)}.`;
  console.log(line);
  return line;
}
