// The CLI's `analyze` at municipality to country scale: a synthetic .xlsx per size (scripts/synthetic.ts:
// a registry, a questionnaire and three years × nine procedures of results), then in a fresh process each —
// read / engine / write — timed, with the process's peak memory. Usage:
//   node build/bench-cli.cjs [--sizes 1000,10000,40000] [--keep]
// Timings on a shared machine are noisy: take the table as an order of magnitude.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbookPath, reportWorkbookBytes, saveBytes } from '../src/cli/io';
import { contextChartPicture } from '../src/cli/contextSvg';
import { isbshChartPicture } from '../src/cli/isbshSvg';
import { valuesWorkbookBytes } from '../src/cli/io/xlsxWorkbook';
import { buildReport, Table } from '../src/engine';
import { syntheticMunicipality } from './synthetic';

interface Measure {
  schools: number;
  resultRows: number;
  fileMb: number;
  readS: number;
  engineS: number;
  /** Rendering the charts to PNG (vega-lite → SVG → resvg), placed on «Сводка» and «Контекст». */
  chartS: number;
  writeS: number;
  totalS: number;
  outputMb: number;
  peakRssMb: number;
  /** Resident memory after reading and after the engine (the peak is reached while writing). */
  afterReadMb: number;
  afterEngineMb: number;
}

/** Child: runs the steps of `analyze` on one file and prints what they took. */
async function measure(file: string, schools: number, resultRows: number): Promise<void> {
  const t0 = performance.now();
  const input = await readWorkbookPath(file);
  const t1 = performance.now();
  const afterReadMb = process.memoryUsage().rss / 1e6;
  const tables: Record<string, Table> = {};
  for (const s of input.sheets) tables[s.name] = s.rows;
  const report = buildReport({ sheetNames: input.sheets.map((s) => s.name), tables, existingSheets: input.existingSheets }, '15.01.2026 10:00');
  const t2 = performance.now();
  const afterEngineMb = process.memoryUsage().rss / 1e6;
  const chart = await isbshChartPicture(report.analysis);
  const contextChart = await contextChartPicture(report.analysis);
  const t25 = performance.now();
  const out = file.replace(/\.xlsx$/, '-result.xlsx');
  const bytes = await reportWorkbookBytes(input, report, { isbsh: chart?.bytes, context: contextChart?.bytes });
  await saveBytes(out, bytes);
  const t3 = performance.now();
  const result: Measure = {
    schools,
    resultRows,
    fileMb: fs.statSync(file).size / 1e6,
    readS: (t1 - t0) / 1000,
    engineS: (t2 - t1) / 1000,
    chartS: (t25 - t2) / 1000,
    writeS: (t3 - t25) / 1000,
    totalS: (t3 - t0) / 1000,
    outputMb: bytes.length / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    afterReadMb,
    afterEngineMb,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    await measure(args[1], Number(args[2]), Number(args[3]));
    return;
  }
  const sizesArg = args.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [1000, 10000, 40000];
  const keep = args.includes('--keep');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-bench-cli-'));
  const rows: Measure[] = [];
  console.log(`CLI analyze (.xlsx → .xlsx), ${os.cpus().length} ядра, Node ${process.version}; файлы: ${dir}`);
  try {
    for (const schools of sizes) {
      const book = syntheticMunicipality(schools);
      const file = path.join(dir, `synthetic-${schools}.xlsx`);
      await saveBytes(file, (await valuesWorkbookBytes(book.sheets)).bytes);
      // A fresh process per size: its peak memory is that size's alone.
      const child = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--measure', file, String(schools), String(book.resultRows)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (child.status !== 0) {
        console.log(`${schools} школ: не выполнено (код ${child.status})\n${child.stderr}`);
        continue;
      }
      const m = JSON.parse(child.stdout.trim().split('\n').pop() as string) as Measure;
      rows.push(m);
      console.log(
        `${String(m.schools).padStart(6)} школ, ${String(m.resultRows).padStart(8)} строк результатов, файл ${m.fileMb.toFixed(1)} МБ: ` +
          `чтение ${m.readS.toFixed(2)} с, движок ${m.engineS.toFixed(2)} с, диаграмма ${m.chartS.toFixed(2)} с, запись ${m.writeS.toFixed(2)} с, всего ${m.totalS.toFixed(2)} с; ` +
          `результат ${m.outputMb.toFixed(1)} МБ; память после чтения ${Math.round(m.afterReadMb)} МБ, после движка ${Math.round(m.afterEngineMb)} МБ, пик ${Math.round(m.peakRssMb)} МБ`,
      );
    }
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log('\n| Школ | Строк результатов | Файл, МБ | Чтение, с | Движок, с | Диаграмма, с | Запись, с | Всего, с | Пик памяти, МБ |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const m of rows) {
    console.log(`| ${m.schools} | ${m.resultRows} | ${m.fileMb.toFixed(1)} | ${m.readS.toFixed(2)} | ${m.engineS.toFixed(2)} | ${m.chartS.toFixed(2)} | ${m.writeS.toFixed(2)} | ${m.totalS.toFixed(2)} | ${Math.round(m.peakRssMb)} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
