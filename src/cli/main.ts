import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SHEETS, Settings, Table, buildReport, parseCutoff, parseSchoolYear } from '../engine';
import { readWorkbookPath, writeXlsx } from './io';
import { summaryText } from './summary';
import { writeIsbshSvg } from './isbshSvg';
import { writeMonitoringWorkbook } from './monitoring';
import { IMPORT_USAGE, importCommand } from './importCommand';
import { FORM_SPEC_USAGE, formSpecCommand } from './formSpec';
import { ROADMAP_USAGE, isoDate, roadmapCommand } from './roadmap';

const USAGE = `Мониторинг ШНОР и ШНСУ — командная строка

  shnor-monitor analyze <книга.xlsx | папка с .csv> [-o результат.xlsx] [--json результат.json]
                        [--year 2022/2023] [--cutoff quartile|quintile]

  analyze   рассчитывает ИСБШ, ШНСУ и ШНОР; в книгу-результат входят исходные листы без изменений
            и сформированные листы («ИСБШ», «ШНОР», «Перечень ШНОР и ШНСУ», «Показатели», «Сводка», «Журнал проверки»).
  -o        куда записать книгу (по умолчанию <имя>-результат.xlsx рядом с исходной)
  --json    записать машиночитаемый результат (DESIGN §3.3)
  --year    учебный год анализа (по умолчанию — из «Настроек» или последний год в результатах)
  --cutoff  граница ШНСУ: quartile (нижний квартиль, 0,25) или quintile (нижний квинтиль, 0,2)
            Диаграмма ИСБШ записывается рядом с книгой: <результат>-isbsh.svg.

  shnor-monitor monitoring <книга.xlsx | папка с .csv> [-o книга-мониторинг.xlsx]

  monitoring  создаёт или обновляет лист «Мониторинг» для рабочей группы: новые школы добавляются,
              выбывшие из перечня отмечаются, внесённые отметки, числа и столбцы сохраняются.

${IMPORT_USAGE}

${FORM_SPEC_USAGE}

${ROADMAP_USAGE}

Коды выхода: 0 — расчёт выполнен (проблемы в данных — в журнале), 1 — файл не прочитан или не записан,
2 — неверные параметры командной строки.`;

export class UsageError extends Error {}

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  now(): Date;
}

function timestamp(d: Date): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' }).format(d).replace(',', '');
}

function overridesFrom(values: { year?: string; cutoff?: string }): Partial<Settings> {
  const o: Partial<Settings> = {};
  if (values.year !== undefined) {
    const y = parseSchoolYear(values.year);
    if (!y) throw new UsageError(`--year: «${values.year}» не является учебным годом (пример: 2022/2023)`);
    o.year = y.year;
  }
  if (values.cutoff !== undefined) {
    const c = parseCutoff(values.cutoff);
    if (!c) throw new UsageError(`--cutoff: ожидается quartile или quintile, указано «${values.cutoff}»`);
    o.cutoff = c;
  }
  return o;
}

async function analyzeCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, json: { type: 'string' }, year: { type: 'string' }, cutoff: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('укажите одну книгу .xlsx или папку с файлами .csv');
  const source = positionals[0];
  const overrides = overridesFrom(values);
  const input = await readWorkbookPath(source);
  const tables: Record<string, Table> = {};
  for (const s of input.sheets) tables[s.name] = s.rows;
  const report = buildReport({ sheetNames: input.sheets.map((s) => s.name), tables, overrides, today: isoDate(io.now()) }, timestamp(io.now()));
  const output = values.output ?? defaultOutput(source);
  await writeXlsx(output, {
    workbook: input.workbook,
    inputSheets: input.sheets,
    generated: report.sheets,
    settingsUpdate: report.analysis.settingsUpdate,
    settingsSheetName: SHEETS.settings,
  });
  const outputs = [output];
  const svg = await writeIsbshSvg(report.analysis, output);
  if (svg) outputs.push(svg);
  if (values.json) {
    fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
    fs.writeFileSync(values.json, `${JSON.stringify(report.json, null, 2)}\n`);
    outputs.push(values.json);
  }
  io.out(summaryText(report, outputs));
  return 0;
}

async function monitoringCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } });
  if (positionals.length !== 1) throw new UsageError('укажите одну книгу .xlsx или папку с файлами .csv');
  const output = values.output ?? defaultOutput(positionals[0]).replace(/-результат\.xlsx$/, '-мониторинг.xlsx');
  io.out(await writeMonitoringWorkbook(positionals[0], output, timestamp(io.now())));
  return 0;
}

function defaultOutput(source: string): string {
  const resolved = path.resolve(source);
  const base = resolved.replace(/[\\/]+$/, '').replace(/\.xlsx$/i, '');
  return `${base}-результат.xlsx`;
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'analyze') return await analyzeCommand(rest, io);
    if (command === 'monitoring') return await monitoringCommand(rest, io);
    if (command === 'import') return await importCommand(rest, io, timestamp(io.now()));
    if (command === 'form-spec') return await formSpecCommand(rest, io);
    if (command === 'roadmap') return await roadmapCommand(rest, io, timestamp(io.now()));
    throw new UsageError(`неизвестная команда «${command}»`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`Ошибка: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`Ошибка: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t), now: () => new Date() }).then((code) => {
    process.exitCode = code;
  });
}
