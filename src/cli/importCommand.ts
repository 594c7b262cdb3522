import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportHints, ImportPlan, Table, describeImport, importJournalSheet, importProcedureNames, planWorkbookImport, validateImportHints } from '../engine';
import { readWorkbookPath } from './io';
import { writeImportedXlsx } from './io/appendRows';
import type { CliIO } from './main';

export const IMPORT_USAGE = `  shnor-monitor import <книга.xlsx | папка с .csv> --sheet <лист со вставкой> [--procedure <процедура>]
                       [--year 2022/2023] [-o результат.xlsx]

  import      дописывает в «Результаты ОП» результаты из вставленного отчёта (ФИС ОКО «Статистика
              по отметкам», выгрузка ВПР, таблица ГИА по школам, результаты по участникам);
              строки, которые уже есть, не добавляются, расхождения выводятся как конфликты.
  --sheet     лист, на который вставлен отчёт
  --procedure процедура, если отчёт её не называет (например «ВПР математика 5 кл.»)
  --year      учебный год, если отчёт его не называет
  -o          куда записать книгу (по умолчанию <имя>-импорт.xlsx рядом с исходной)
  Коды выхода: 0 — импорт выполнен, 1 — файл не прочитан/не записан или отчёт не распознан,
  2 — неверные параметры, или нужно указать --procedure / --year.`;

const MAX_LISTED = 20;

function usageError(io: CliIO, message: string): number {
  io.err(`Ошибка: ${message}\n\n${IMPORT_USAGE}`);
  return 2;
}

function hintsFrom(values: { procedure?: string; year?: string }): ImportHints | string {
  try {
    return validateImportHints(values);
  } catch (e) {
    const known = values.procedure !== undefined && /Процедура/.test((e as Error).message) ? `\nПроцедуры: ${importProcedureNames().join('; ')}.` : '';
    return `${(e as Error).message}${known}`;
  }
}

/** `import`: appends a pasted report to «Результаты ОП» and writes the workbook to -o. Returns the exit code. */
export async function importCommand(args: string[], io: CliIO, timestamp: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { sheet: { type: 'string' }, procedure: { type: 'string' }, year: { type: 'string' }, output: { type: 'string', short: 'o' } },
  });
  if (positionals.length !== 1) return usageError(io, 'укажите одну книгу .xlsx или папку с файлами .csv');
  if (!values.sheet) return usageError(io, '--sheet: укажите лист, на который вставлен отчёт');
  const hints = hintsFrom(values);
  if (typeof hints === 'string') return usageError(io, hints);

  const input = await readWorkbookPath(positionals[0]);
  const tables = new Map<string, Table>(input.sheets.map((s) => [s.name, s.rows]));
  let plan: ImportPlan;
  try {
    plan = planWorkbookImport([...tables.keys()], (name) => tables.get(name) ?? [], values.sheet, hints);
  } catch (e) {
    return usageError(io, `--sheet: ${(e as Error).message}`);
  }
  if (plan.layout === null || plan.blocked) {
    io.err(describeImport(plan, false).join('\n'));
    return 1;
  }
  if (plan.needs.length > 0) {
    const flags = plan.needs.map((n) => (n === 'procedure' ? '--procedure' : '--year'));
    io.err(`${describeImport(plan, false).join('\n')}\nОшибка: отчёт не называет ${plan.needs.map((n) => (n === 'procedure' ? 'процедуру' : 'учебный год')).join(' и ')}: укажите ${flags.join(' и ')}.`);
    return 2;
  }
  const output = values.output ?? defaultOutput(positionals[0]);
  await writeImportedXlsx(output, { workbook: input.workbook, inputSheets: input.sheets, append: plan.append, generated: [importJournalSheet(plan, timestamp)] });
  io.out([...describeImport(plan, true), ...details(plan), `Записано: ${output}`].join('\n'));
  return 0;
}

/** Conflicts and skipped rows, the first few of each (the journal sheet has them all). */
function details(plan: ImportPlan): string[] {
  const lines: string[] = [];
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
