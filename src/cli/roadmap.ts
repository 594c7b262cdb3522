import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROADMAP_SHEET, SHEETS, Table, prepareRoadmap } from '../engine';
import { readWorkbookPath, xlsxBytes } from './io';
import type { CliIO } from './main';

export const ROADMAP_USAGE = `  shnor-monitor roadmap <книга.xlsx | папка с .csv> [-o книга-дорожная-карта.xlsx]

  roadmap     создаёт лист «${ROADMAP_SHEET}» по трём трекам ФИОКО из текущего перечня (трек 1 — ШНОР,
              трек 2 — зона риска, трек 3 — муниципальные меры) или обновляет его: школы, вошедшие
              в трек, получают строки, вышедшие отмечаются в «Статусе», всё внесённое сохраняется.
  -o          куда записать книгу (по умолчанию <имя>-дорожная-карта.xlsx рядом с исходной)
  Коды выхода: 0 — лист подготовлен, 1 — книга не прочитана или не записана (или лист «${ROADMAP_SHEET}»
  не распознан), 2 — неверные параметры.`;

/** `roadmap`: prepares «Дорожная карта» and writes the workbook. Returns the exit code. */
export async function roadmapCommand(args: string[], io: CliIO, generatedAt: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } });
  if (positionals.length !== 1) {
    io.err(`Ошибка: укажите одну книгу .xlsx или папку с файлами .csv\n\n${ROADMAP_USAGE}`);
    return 2;
  }
  const source = positionals[0];
  const output = values.output ?? `${path.resolve(source).replace(/[\\/]+$/, '').replace(/\.xlsx$/i, '')}-дорожная-карта.xlsx`;
  if (path.resolve(output) === path.resolve(source)) {
    io.err(`Ошибка: книга-результат не может заменить исходную «${source}»: укажите другой файл в -o\n\n${ROADMAP_USAGE}`);
    return 2;
  }
  const { bytes, message } = await roadmapWorkbook(source, generatedAt, isoDate(io.now()));
  // Written here until the CLI's atomic outputs take it over (src/cli/output.ts on the «cli» branch).
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, bytes);
  io.out(`${message}\nЗаписано: ${output}`);
  return 0;
}

/** The local calendar date of `now`, «2023-04-15», in the zone the CLI dates its sheets in. */
export function isoDate(now: Date, timeZone = 'Europe/Moscow'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * «Подготовить дорожную карту» for the command line: the bytes of the input workbook with «Дорожная
 * карта» created, or rebuilt with every value the working group typed (their rows and columns
 * included) and the rows of new schools; every other sheet unchanged. The caller writes the bytes.
 * In a workbook the sheet's values are kept; formulas of the user's in it are kept as their values
 * (the reader hands over values only), and so is its formatting, which becomes ours.
 * Throws a Russian message when a sheet of that name is not a roadmap (nothing is written then).
 */
export async function roadmapWorkbook(source: string, generatedAt: string, today: string): Promise<{ bytes: Buffer; message: string; sheet: string }> {
  const input = await readWorkbookPath(source);
  const tables: Record<string, Table> = {};
  for (const s of input.sheets) tables[s.name] = s.rows;
  const prep = prepareRoadmap({ sheetNames: input.sheets.map((s) => s.name), tables, today }, generatedAt);
  if (!prep.sheet) throw new Error(prep.message);
  const bytes = await xlsxBytes({ workbook: input.workbook, inputSheets: input.sheets, generated: [prep.sheet], settingsSheetName: SHEETS.settings });
  return { bytes, message: prep.message, sheet: prep.sheet.name };
}
