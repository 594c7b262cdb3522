import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FORM_SPEC_TEXT, Table, formContext, formContextSheets, formSpecText, questionnaireFormSpec, workbookSettings } from '../engine';
import { readWorkbookPath } from './io';
import type { CliIO } from './main';

export const FORM_SPEC_USAGE = `  shnor-monitor form-spec [книга.xlsx | папка с .csv] [--json описание.json]

  form-spec   печатает описание анкеты для школ (Google Формы): название, вопросы, проверки ответов
              и пояснения по методике — чтобы создать такую же форму вручную, без надстройки.
              С книгой в вопрос «Образовательная организация» входят школы её «Справочника ОО»,
              в название — муниципалитет из «Настроек» или справочника.
  --json      записать описание в файл JSON (то же, что использует надстройка)
  Коды выхода: 0 — описание выведено, 1 — книга не прочитана или файл не записан, 2 — неверные параметры.`;

/** Today in Moscow, as the add-on takes it in the spreadsheet's zone: the form's school years follow it. */
function today(now: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' }).formatToParts(now);
  return { year: Number(parts.find((p) => p.type === 'year')?.value), month: Number(parts.find((p) => p.type === 'month')?.value) };
}

/** `form-spec`: prints the form's description, or writes it as JSON. Returns the exit code. */
export async function formSpecCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'string' } } });
  if (positionals.length > 1) {
    io.err(`Ошибка: укажите не больше одной книги .xlsx или папки с .csv\n\n${FORM_SPEC_USAGE}`);
    return 2;
  }
  let schools: ReturnType<typeof formContext>['schools'] = [];
  let municipality: string | null = null;
  if (positionals.length === 1) {
    const input = await readWorkbookPath(positionals[0]);
    const tables: Record<string, Table> = Object.fromEntries(input.sheets.map((s) => [s.name, s.rows]));
    const names = input.sheets.map((s) => s.name);
    const sheets = formContextSheets(names, workbookSettings(names, (n) => tables[n]));
    const ctx = formContext(names, sheets.settings ? tables[sheets.settings] : null, sheets.registry ? tables[sheets.registry] : null);
    schools = ctx.schools;
    municipality = ctx.municipality;
  }
  const spec = questionnaireFormSpec({ schools, municipality, today: today(io.now()) });
  if (values.json) {
    fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
    fs.writeFileSync(values.json, `${JSON.stringify(spec, null, 2)}\n`);
    io.out(FORM_SPEC_TEXT.written(values.json));
    return 0;
  }
  io.out(formSpecText(spec));
  return 0;
}
