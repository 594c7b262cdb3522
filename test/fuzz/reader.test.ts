import ExcelJS from 'exceljs';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbookPath } from '../../src/cli/io';
import { EXIT, runCli } from '../../src/cli/main';
import { GENERATED_MARKER, REPORT_SHEETS, isGeneratedSheet, isPlacementCandidate } from '../../src/engine';
import { Cell, cellText } from '../../src/engine/table';
import { excelText } from '../../src/cli/io/render';
import { recordingIo } from '../support/cliHarness';
import { expectedCsvRows, expectedXlsxRows, withoutAstral, writeCsvModel, writeXlsxModel } from './files';
import { MAX_CELL } from './invariants';
import { checkProperty, envNumber } from './run';
import { WorkbookModel, workbookArb } from './workbooks';

/**
 * The CLI's reader and writer on generated files (issue 9, «Prove it»): each workbook is written as
 * an .xlsx with ExcelJS or as a CSV folder, read back with readWorkbookPath, and run through
 * `shnor-monitor analyze`. Fewer, smaller runs than the engine's property: each one is real file work.
 * `npm run fuzz` raises FUZZ_READER_RUNS.
 */
const RUNS = envNumber('FUZZ_READER_RUNS', 30);
const TIME_LIMIT = envNumber('FUZZ_TIME_LIMIT', 15_000);
const runProperty = (p: fc.IAsyncProperty<[WorkbookModel]>) => checkProperty(p, RUNS, TIME_LIMIT, 5);

let dir: string;
let n = 0;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-fuzz-reader-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fresh(): string {
  const d = path.join(dir, String(++n));
  fs.mkdirSync(d);
  return d;
}

/** What a user must never see (the data itself may say «NaN» or «undefined», so those are not looked for). */
const RAW = /Unknown option|EACCES|ENOENT|TypeError|ReferenceError|RangeError|внутренняя ошибка|^\s+at .+:\d+:\d+\)?$/m;

function same(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a === b; // -0 is written as 0
  return a === b;
}

function tableProblems(sheet: string, got: Cell[][], want: Cell[][]): string[] {
  const out: string[] = [];
  if (got.length !== want.length) return [`«${sheet}»: read ${got.length} rows, expected ${want.length}`];
  want.forEach((row, r) => {
    if (got[r].length !== row.length) out.push(`«${sheet}» row ${r + 1}: ${got[r].length} cells, expected ${row.length}`);
    else row.forEach((v, c) => !same(got[r][c], v) && out.push(`«${sheet}» R${r + 1}C${c + 1}: read ${JSON.stringify(got[r][c])}, expected ${JSON.stringify(v)}`));
  });
  return out;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** ExcelJS values compared as they are stored (rich text, formulas, errors, dates). */
function stored(v: ExcelJS.CellValue): string {
  return JSON.stringify(v instanceof Date ? { date: v.getTime() } : v);
}

/** A1 of a sheet this run generated (recordingIo's clock: 15.01.2026 10:00 in Moscow). */
const THIS_RUN = `${GENERATED_MARKER} 15.01.2026 10:00`;
const a1 = (ws: ExcelJS.Worksheet | undefined) => cellText((ws?.getCell(1, 1).value ?? null) as Cell);

/**
 * The output workbook: every input sheet is there with every cell unchanged (merges too), unless it
 * was one of ours (marker in A1) that this run generated again or removed as no longer needed; every sheet of this run holds no
 * formula, no text over the limit, no bad number.
 */
function outputProblems(input: ExcelJS.Workbook | { name: string; rows: Cell[][] }[], output: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  const kept = new Set<string>();
  // Ours (marker in A1) and generated again by this run, or an alternative name of ours this run no longer needs.
  const regenerated = (name: string, firstCell: Cell) =>
    isGeneratedSheet(firstCell) && (a1(output.getWorksheet(name)).startsWith(THIS_RUN) || (!output.getWorksheet(name) && isPlacementCandidate(name, REPORT_SHEETS)));
  if (input instanceof ExcelJS.Workbook) {
    for (const ws of input.worksheets) {
      if (regenerated(ws.name, a1(ws))) continue;
      kept.add(ws.name);
      const copy = output.getWorksheet(ws.name);
      if (!copy) {
        out.push(`input sheet «${ws.name}» is missing from the output`);
        continue;
      }
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const now = copy.getCell(r, c).value;
          if (stored(now) !== stored(cell.value)) out.push(`«${ws.name}»!${cell.address}: ${stored(cell.value).slice(0, 80)} became ${stored(now).slice(0, 80)}`);
        }),
      );
      const merges = (w: ExcelJS.Worksheet) => JSON.stringify([...((w.model as { merges?: string[] }).merges ?? [])].sort());
      if (merges(ws) !== merges(copy)) out.push(`«${ws.name}»: merges ${merges(ws)} became ${merges(copy)}`);
    }
  } else {
    for (const sheet of input) {
      if (regenerated(sheet.name, sheet.rows[0]?.[0] ?? null)) continue;
      kept.add(sheet.name);
      const copy = output.getWorksheet(sheet.name);
      if (!copy) {
        out.push(`input sheet «${sheet.name}» is missing from the output`);
        continue;
      }
      sheet.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          const now = copy.getCell(r + 1, c + 1).value;
          // A CSV cell longer than Excel holds is cut in the workbook (the CLI says so; the CSV stays as it was).
          const expected = typeof v === 'string' ? excelText(v) : v;
          if ((expected ?? null) !== (now ?? null)) out.push(`«${sheet.name}» R${r + 1}C${c + 1}: ${JSON.stringify(v).slice(0, 80)} became ${stored(now).slice(0, 80)}`);
        }),
      );
    }
  }
  for (const ws of output.worksheets) {
    if (kept.has(ws.name)) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push(`generated «${ws.name}»!${cell.address} is a formula`);
        const v = cell.value;
        if (typeof v === 'string' && v.length > MAX_CELL) out.push(`generated «${ws.name}»!${cell.address}: ${v.length} characters`);
        if (typeof v === 'number' && !Number.isFinite(v)) out.push(`generated «${ws.name}»!${cell.address}: ${v}`);
      }),
    );
  }
  return out;
}

interface Json {
  shnsuCutoff: number | null;
  schools: { status: string }[];
}

/** Runs `analyze` and checks what any run must give: an exit code that says what was determined, Russian text, no leftovers. */
async function analyze(source: string, d: string): Promise<{ problems: string[]; output: string | null }> {
  const out = path.join(d, 'результат.xlsx');
  const json = path.join(d, 'результат.json');
  const c = recordingIo();
  const code = await runCli(['analyze', source, '-o', out, '--json', json], c.io);
  const problems: string[] = [];
  const text = [...c.out, ...c.err].join('\n');
  if (RAW.test(text)) problems.push(`raw text in the console: ${text.match(RAW)?.[0]}`);
  if (code !== EXIT.ok && code !== EXIT.undetermined) return { problems: [...problems, `exit ${code}: ${c.err.join('\n').slice(0, 300)}`], output: null };
  const result = JSON.parse(fs.readFileSync(json, 'utf8')) as Json;
  const determined = result.shnsuCutoff !== null || result.schools.some((s) => s.status !== 'no-data');
  if (code !== (determined ? EXIT.ok : EXIT.undetermined)) problems.push(`exit ${code}, yet determined = ${determined}`);
  const leftovers = fs.readdirSync(d).filter((f) => /^\..*\.(tmp|old)$/.test(f));
  if (leftovers.length > 0) problems.push(`temporary files left: ${leftovers.join(', ')}`);
  return { problems, output: out };
}

function check(problems: string[]): void {
  if (problems.length > 0) throw new Error(problems.slice(0, 12).join('\n'));
}

describe('property: the CLI reader and writer on generated files', () => {
  it(`.xlsx written by ExcelJS: read exactly, analysed, every input cell unchanged in the output (up to ${RUNS} workbooks)`, async () => {
    await runProperty(
      fc.asyncProperty(workbookArb({ merges: true, textOnly: false }).map(withoutAstral), async (model) => {
        const d = fresh();
        const file = path.join(d, 'книга.xlsx');
        await writeXlsxModel(model, file);
        const bytes = fs.readFileSync(file);
        if (model.sheets.length === 0) {
          const c = recordingIo();
          expect(await runCli(['analyze', file], c.io)).toBe(EXIT.failed);
          expect(c.err.join('')).toMatch(/^Ошибка: Не удалось прочитать файл «.*»: (в книге нет ни одного листа|это не книга Excel \(\.xlsx\))$/);
          return;
        }
        const read = await readWorkbookPath(file);
        const problems = model.sheets.flatMap((s, i) => (read.sheets[i]?.name === s.name ? tableProblems(s.name, read.sheets[i].rows, expectedXlsxRows(s.rows)) : [`sheet ${i + 1} read as «${read.sheets[i]?.name}», expected «${s.name}»`]));
        const run = await analyze(file, d);
        problems.push(...run.problems);
        if (!fs.readFileSync(file).equals(bytes)) problems.push('the input file changed');
        if (run.output) problems.push(...outputProblems(await load(file), await load(run.output)));
        check(problems);
      }),
    );
  });

  it(`a folder of CSV files: read exactly, analysed, the files untouched (up to ${RUNS} folders)`, async () => {
    await runProperty(
      fc.asyncProperty(workbookArb({ merges: false, textOnly: true }).map(withoutAstral), async (model) => {
        const d = fresh();
        const folder = path.join(d, 'выгрузка');
        writeCsvModel(model, folder);
        const before = fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f)).toString('base64'));
        if (model.sheets.length === 0) {
          const c = recordingIo();
          expect(await runCli(['analyze', folder], c.io)).toBe(EXIT.failed);
          expect(c.err.join('')).toBe(`Ошибка: В папке «${folder}» нет файлов .csv`);
          return;
        }
        const read = await readWorkbookPath(folder);
        const byName = new Map(read.sheets.map((s) => [s.name, s.rows]));
        const problems = model.sheets.flatMap((s) => (byName.has(s.name) ? tableProblems(s.name, byName.get(s.name) as Cell[][], expectedCsvRows(s.rows)) : [`sheet «${s.name}» not read`]));
        const run = await analyze(folder, d);
        problems.push(...run.problems);
        const after = fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f)).toString('base64'));
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push('the CSV folder changed');
        if (run.output) problems.push(...outputProblems(read.sheets, await load(run.output)));
        check(problems);
      }),
    );
  });
});
