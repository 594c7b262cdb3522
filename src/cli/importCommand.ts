import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  ImportHints,
  ImportPlan,
  PROTOCOL_TEXT,
  SheetData,
  Table,
  describeImport,
  detectLayout,
  importJournalSheet,
  importProcedureNames,
  planExternalImport,
  planWorkbookImport,
  validateImportHints,
} from '../engine';
import { readWorkbookPath } from './io';
import { writeImportedXlsx } from './io/appendRows';
import { readCsvFile } from './io/csvFolder';
import type { CliIO } from './main';

export const IMPORT_USAGE = `  shnor-monitor import <книга.xlsx | папка с .csv> --sheet <лист со вставкой> [--procedure <процедура>]
                       [--year 2022/2023] [--scale 7,11,15] [-o результат.xlsx]
  shnor-monitor import <книга.xlsx | папка с .csv> --from <протокол.xlsx | .csv> [--sheet <лист протокола>] …

  import      дописывает в «Результаты ОП» результаты из вставленного отчёта (ФИС ОКО «Статистика
              по отметкам», «Сравнение отметок с отметками по журналу», протокол ВПР по обучающимся,
              выгрузка ВПР, таблица ГИА по школам, результаты по участникам); строки, которые уже
              есть, не добавляются, расхождения выводятся как конфликты.
  --sheet     лист, на который вставлен отчёт (с --from — лист файла отчёта; по умолчанию
              «Протокол» или первый распознанный)
  --from      взять отчёт из отдельного файла (например, протокол ВПР, выгруженный из ФИС ОКО)
  --procedure процедура, если отчёт её не называет (например «ВПР математика 5 кл.»)
  --year      учебный год, если отчёт его не называет
  --scale     шкала перевода баллов протокола ВПР в отметки: минимальные баллы для «3», «4», «5»
              (например 7,11,15), если её нет в «Настройках» (строка «Шкала ВПР: <процедура>, <год>»)
  -o          куда записать книгу (по умолчанию <имя>-импорт.xlsx рядом с исходной)
  Коды выхода: 0 — импорт выполнен, 1 — файл не прочитан/не записан или отчёт не распознан,
  2 — неверные параметры, или нужно указать --procedure / --year / --scale.`;

const MAX_LISTED = 20;
const PROTOCOL_SHEET = 'Протокол';

function usageError(io: CliIO, message: string): number {
  io.err(`Ошибка: ${message}\n\n${IMPORT_USAGE}`);
  return 2;
}

function hintsFrom(values: { procedure?: string; year?: string; scale?: string }): ImportHints | string {
  try {
    return validateImportHints(values);
  } catch (e) {
    const known = values.procedure !== undefined && /Процедура/.test((e as Error).message) ? `\nПроцедуры: ${importProcedureNames().join('; ')}.` : '';
    return `${(e as Error).message}${known}`;
  }
}

/** The sheets of a report file given with --from: a workbook, a folder of CSV, or one CSV file. */
async function readReportFile(file: string): Promise<SheetData[]> {
  if (/\.csv$/i.test(file)) return [{ name: path.basename(file).replace(/\.csv$/i, ''), rows: readCsvFile(file) }];
  return (await readWorkbookPath(file)).sheets;
}

/** The sheet of the report file: the one asked for, the only one, «Протокол», or the first one recognised. */
function reportSheet(sheets: SheetData[], wanted: string | undefined): SheetData | string {
  if (wanted !== undefined) return sheets.find((s) => s.name === wanted) ?? `--sheet: в файле отчёта нет листа «${wanted}» (есть: ${sheets.map((s) => `«${s.name}»`).join(', ')})`;
  if (sheets.length === 1) return sheets[0];
  return sheets.find((s) => s.name === PROTOCOL_SHEET) ?? sheets.find((s) => detectLayout(s.rows) !== null) ?? `--sheet: в файле отчёта несколько листов, ни один не распознан; укажите лист`;
}

/** `import`: appends a pasted report to «Результаты ОП» and writes the workbook to -o. Returns the exit code. */
export async function importCommand(args: string[], io: CliIO, timestamp: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      from: { type: 'string' },
      procedure: { type: 'string' },
      year: { type: 'string' },
      scale: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length !== 1) return usageError(io, 'укажите одну книгу .xlsx или папку с файлами .csv');
  if (!values.sheet && !values.from) return usageError(io, '--sheet: укажите лист, на который вставлен отчёт (или файл отчёта: --from)');
  const hints = hintsFrom(values);
  if (typeof hints === 'string') return usageError(io, hints);

  const input = await readWorkbookPath(positionals[0]);
  const tables = new Map<string, Table>(input.sheets.map((s) => [s.name, s.rows]));
  const read = (name: string) => tables.get(name) ?? [];
  let plan: ImportPlan;
  if (values.from) {
    const report = reportSheet(await readReportFile(values.from), values.sheet);
    if (typeof report === 'string') return usageError(io, report);
    plan = planExternalImport([...tables.keys()], read, report, hints);
  } else {
    try {
      plan = planWorkbookImport([...tables.keys()], read, values.sheet as string, hints);
    } catch (e) {
      return usageError(io, `--sheet: ${(e as Error).message}`);
    }
  }
  if (plan.layout === null || plan.blocked) {
    io.err(describeImport(plan, false).join('\n'));
    return 1;
  }
  if (plan.needs.length > 0) {
    io.err(`${describeImport(plan, false).join('\n')}\nОшибка: ${needsMessage(plan)}`);
    return 2;
  }
  const output = values.output ?? defaultOutput(positionals[0]);
  await writeImportedXlsx(output, { workbook: input.workbook, inputSheets: input.sheets, append: plan.append, generated: [importJournalSheet(plan, timestamp)] });
  io.out([...describeImport(plan, true), ...details(plan), `Записано: ${output}`].join('\n'));
  return 0;
}

/** What to add to the command line: the flags of what the report does not say. */
function needsMessage(plan: ImportPlan): string {
  const names = { procedure: 'процедуру', year: 'учебный год', scale: 'шкалу перевода баллов в отметки' } as const;
  const flags = plan.needs.map((n) => (n === 'scale' ? '--scale (минимальные баллы для «3», «4», «5», например --scale 7,11,15)' : `--${n}`));
  // A protocol's scale can be looked up in «Настройки» only once its procedure and year are known.
  const later = plan.scale && !plan.needs.includes('scale') ? ' (и --scale, если шкалы нет в «Настройках»)' : '';
  const lead = plan.scale?.problem ? '' : `отчёт не называет ${plan.needs.map((n) => names[n]).join(' и ')}: `;
  return `${lead}укажите ${flags.join(' и ')}${later}.`;
}

/** Conflicts and skipped rows, the first few of each (the journal sheet has them all). */
function details(plan: ImportPlan): string[] {
  const lines: string[] = [];
  if (plan.append?.header) lines.push(`  ${PROTOCOL_TEXT.headerAdded(plan.append.sheet, plan.append.header.values.map((v) => `«${v}»`).join(', '))}`);
  for (const c of plan.conflicts.slice(0, MAX_LISTED)) lines.push(`  конфликт, строка ${c.row}: ${c.school}, ${c.procedure}, ${c.year}: было ${c.existing}, во вставке ${c.imported}`);
  for (const s of plan.skipped.slice(0, MAX_LISTED)) lines.push(`  пропущена строка ${s.row}: ${s.reason}`);
  const more = Math.max(0, plan.conflicts.length - MAX_LISTED) + Math.max(0, plan.skipped.length - MAX_LISTED);
  if (more > 0) lines.push(`  … и ещё ${more} — см. лист «Журнал импорта»`);
  return lines;
}

function defaultOutput(source: string): string {
  const base = path.resolve(source).replace(/[\\/]+$/, '').replace(/\.xlsx$/i, '');
  return `${base}-импорт.xlsx`;
}
