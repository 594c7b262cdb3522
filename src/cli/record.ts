import path from 'node:path';
import { parseArgs } from 'node:util';
import { HISTORY_TEXT, Table, analyze, planRecordFor } from '../engine';
import { readWorkbookPath } from './io';
import { writeImportedXlsx } from './io/appendRows';
import type { CliIO } from './main';

export const RECORD_USAGE = `  shnor-monitor record <книга.xlsx | папка с .csv> [--order "№ 45 от 20.01.2024"] [-o книга-перечень.xlsx]

  record      фиксирует перечень ШНОР и ШНСУ учебного года анализа как утверждённый: дописывает его
              в лист «Перечни прошлых лет» (создаёт лист при первом вызове). Перечень года, который уже
              записан, не заменяется. История («История», JSON) берёт утверждённый перечень вместо расчёта.
  --order     номер и дата приказа, которым утверждён перечень (необязательно)
  -o          куда записать книгу (по умолчанию <имя>-перечень.xlsx рядом с исходной)
  Коды выхода: 0 — перечень записан, 1 — файл не прочитан или не записан, 2 — неверные параметры,
  3 — записывать нечего (год анализа не определён) или перечень этого года уже записан.`;

/** `record`: the current year's list appended to «Перечни прошлых лет» of the output workbook. Returns the exit code. */
export async function recordCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { order: { type: 'string' }, output: { type: 'string', short: 'o' } } });
  if (positionals.length !== 1) {
    io.err(`Ошибка: укажите одну книгу .xlsx или папку с файлами .csv\n\n${RECORD_USAGE}`);
    return 2;
  }
  const input = await readWorkbookPath(positionals[0]);
  const tables: Record<string, Table> = Object.fromEntries(input.sheets.map((s) => [s.name, s.rows]));
  const workbook = { sheetNames: input.sheets.map((s) => s.name), tables };
  const plan = planRecordFor(workbook, analyze(workbook), values.order ?? '');
  if (!plan.ok) {
    io.err(plan.message);
    return 3;
  }
  const output = values.output ?? `${path.resolve(positionals[0]).replace(/[\\/]+$/, '').replace(/\.xlsx$/i, '')}-перечень.xlsx`;
  await writeImportedXlsx(output, { workbook: input.workbook, inputSheets: input.sheets, append: { sheet: plan.sheet, createSheet: plan.createSheet, startRow: plan.startRow, values: plan.values }, generated: [] });
  io.out(`${HISTORY_TEXT.recorded(plan.year, plan.schools, plan.sheet)}\nЗаписано: ${output}`);
  return 0;
}
